package org.heatpumpsuite.registry.auth.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.config.Contexts;
import org.heatpumpsuite.registry.config.RegistryConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The first admin comes from configuration ({@code registry.admin.username}, {@code registry.admin.password} / env
 * {@code HEATPUMP_ADMIN_PASSWORD}). In the prod profile the registry refuses to start with an empty or well-known
 * password; it never resets the password of an existing user.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final Set<String> KNOWN_DEFAULTS = Set.of("admin", "administrator", "password", "passwort", "changeme",
            "change-me", "changeit", "secret", "heatpump", "heatpump-suite", "default", "123456", "12345678",
            "123456789", "qwerty", "letmein", "admin123", "password1");

    @Inject
    RegistryConfig config;
    @Inject
    UserService users;
    @Inject
    Contexts contexts;

    void onStart(@Observes StartupEvent event) {
        Optional<String> password = config.admin().password().filter(p -> !p.isBlank());
        String problem = weakness(password.orElse(null));
        if (problem != null) {
            if (ConfigUtils.getProfiles().contains("prod")) {
                throw new IllegalStateException("registry.admin.password (HEATPUMP_ADMIN_PASSWORD) " + problem
                        + "; the prod profile refuses to start without a proper first-admin password");
            }
            if (password.isEmpty()) {
                Log.warn("no registry.admin.password: no first admin is created (allowed outside the prod profile)");
                return;
            }
            Log.warnf("registry.admin.password %s (allowed outside the prod profile only)", problem);
        }
        String username = config.admin().username();
        Boolean created = contexts.onNewContext(() -> users.ensureAdmin(username, password.get()))
                .await().atMost(Duration.ofSeconds(60));
        if (Boolean.TRUE.equals(created)) {
            Log.infof("created the first admin '%s' from configuration", username);
        }
    }

    /** Why a password is not good enough for a first admin, or null. */
    static String weakness(String password) {
        if (password == null || password.isBlank()) {
            return "is empty";
        }
        if (KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
            return "is a well-known default";
        }
        if (password.length() < 8) {
            return "is shorter than 8 characters";
        }
        return null;
    }
}
