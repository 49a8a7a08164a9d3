package org.heatpumpsuite.registry.auth.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.repository.User;
import org.heatpumpsuite.registry.auth.repository.UserRepository;
import org.heatpumpsuite.registry.config.Contexts;
import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Users, their roles and passwords (bcrypt), and login. */
@ApplicationScoped
public class UserService {

    static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");
    static final int BCRYPT_COST = 10;
    /** A hash to compare against when the user does not exist, so both cases take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-password", BCRYPT_COST);

    /** A user as the API shows it (never the hash). */
    public record UserView(String username, String role, List<String> groups, Instant createdAt, Instant updatedAt,
            Instant passwordChangedAt) {
    }

    /** The answer to a successful login. */
    public record LoginResult(String token, String tokenType, Instant expiresAt, String username, String role,
            List<String> groups) {
    }

    /** A new user, or a change of one (absent fields stay). */
    public record UserInput(String username, String password, String role) {
    }

    @Inject
    UserRepository repository;
    @Inject
    TokenIssuer issuer;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditService audit;
    @Inject
    Contexts contexts;
    @Inject
    RegistryConfig config;

    /** Checks the password and signs a token; 401 for any failure, slower after repeated failures. */
    public Uni<LoginResult> login(String username, String password, String address) {
        String[] keys = { "user:" + username };
        java.time.Duration delay = throttle.delay(keys);
        Uni<Void> wait = delay.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        return wait
                .chain(() -> username == null || password == null || !USERNAME.matcher(username).matches()
                        ? Uni.createFrom().nullItem()
                        : repository.byName(username))
                .chain(user -> contexts.blocking(() -> {
                    boolean ok = BcryptUtil.matches(password == null ? "" : password,
                            user == null ? DUMMY_HASH : user.passwordHash) && user != null;
                    if (!ok) {
                        return null;
                    }
                    Instant expires = Instant.now().plus(config.tokens().loginLifetime());
                    return new LoginResult(issuer.login(user.username, user.role, UUID.randomUUID().toString(),
                            expires), "Bearer", expires, user.username, user.role, Roles.groups(user.role));
                }))
                .map(result -> {
                    if (result == null) {
                        if (username != null) {
                            throttle.failed(keys);
                        }
                        Log.infof("failed login for '%s'", username == null ? "" : username.replaceAll("[^A-Za-z0-9._@-]", "?"));
                        throw new ApiProblem(401, "Unauthorized", "wrong user name or password", null, null);
                    }
                    throttle.succeeded("user:" + username);
                    return result;
                });
    }

    public Uni<List<UserView>> list() {
        return repository.listSorted().map(l -> l.stream().map(UserService::view).toList());
    }

    public Uni<UserView> get(String username) {
        return repository.byName(username).map(u -> {
            if (u == null) {
                throw ApiProblem.notFound("user " + username);
            }
            return view(u);
        });
    }

    public Uni<UserView> create(UserInput in, Actor actor) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a user object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.username() == null) {
            errors.add(new FieldError("username", "is required"));
        } else if (!USERNAME.matcher(in.username()).matches()) {
            errors.add(new FieldError("username", "1..64 characters of A-Z, a-z, 0-9, . _ @ -"));
        }
        passwordRules(in.password(), "password", errors);
        if (in.role() == null) {
            errors.add(new FieldError("role", "is required"));
        } else if (!Roles.known(in.role())) {
            errors.add(new FieldError("role", "must be viewer, operator or admin"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return contexts.blocking(() -> BcryptUtil.bcryptHash(in.password(), BCRYPT_COST))
                .chain(hash -> Panache.withTransaction(() -> repository.byName(in.username()).chain(existing -> {
                    if (existing != null) {
                        throw ApiProblem.conflict("user " + in.username() + " exists");
                    }
                    return insert(in.username(), hash, in.role())
                            .call(u -> audit.record(Change.of(actor.name(), "create", "user", u.username, null, null,
                                    "role " + u.role)));
                }))).map(UserService::view);
    }

    /** Changes a user's role and/or password (admin). */
    public Uni<UserView> update(String username, UserInput in, Actor actor) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a user object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.username() != null && !in.username().equals(username)) {
            errors.add(new FieldError("username", "cannot be changed"));
        }
        if (in.password() != null) {
            passwordRules(in.password(), "password", errors);
        }
        if (in.role() != null && !Roles.known(in.role())) {
            errors.add(new FieldError("role", "must be viewer, operator or admin"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Uni<String> hash = in.password() == null ? Uni.createFrom().nullItem()
                : contexts.blocking(() -> BcryptUtil.bcryptHash(in.password(), BCRYPT_COST));
        return hash.chain(h -> Panache.withTransaction(() -> repository.byName(username).chain(u -> {
            if (u == null) {
                throw ApiProblem.notFound("user " + username);
            }
            String oldRole = u.role;
            Uni<Void> lastAdmin = "admin".equals(oldRole) && in.role() != null && !"admin".equals(in.role())
                    ? repository.admins().map(n -> {
                        if (n <= 1) {
                            throw ApiProblem.conflict("the last admin cannot lose the admin role");
                        }
                        return null;
                    })
                    : Uni.createFrom().voidItem();
            return lastAdmin.chain(() -> {
                if (in.role() != null) {
                    u.role = in.role();
                }
                if (h != null) {
                    u.passwordHash = h;
                    u.passwordChangedAt = Instant.now();
                }
                u.updatedAt = Instant.now();
                return audit.record(new Change(actor.name(), "update", "user", username, null,
                        h != null ? "password" : "role", "role " + oldRole, "role " + u.role, "ok", null))
                        .replaceWith(u);
            });
        }))).map(UserService::view);
    }

    public Uni<Void> delete(String username, Actor actor) {
        if (username.equals(actor.name())) {
            throw ApiProblem.conflict("you cannot delete yourself");
        }
        return Panache.withTransaction(() -> repository.byName(username).chain(u -> {
            if (u == null) {
                throw ApiProblem.notFound("user " + username);
            }
            Uni<Void> lastAdmin = "admin".equals(u.role) ? repository.admins().map(n -> {
                if (n <= 1) {
                    throw ApiProblem.conflict("the last admin cannot be deleted");
                }
                return null;
            }) : Uni.createFrom().voidItem();
            return lastAdmin.chain(() -> repository.delete(u))
                    .chain(() -> audit.record(Change.of(actor.name(), "delete", "user", username, null,
                            "role " + u.role, null)));
        }));
    }

    /** A user changes their own password, proving the current one. */
    public Uni<Void> changeOwnPassword(Actor actor, String current, String next) {
        if (actor.isApiToken()) {
            throw ApiProblem.forbidden("an API token has no password");
        }
        List<FieldError> errors = new ArrayList<>();
        if (current == null) {
            errors.add(new FieldError("current_password", "is required"));
        }
        passwordRules(next, "new_password", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return repository.byName(actor.name()).chain(u -> {
            if (u == null) {
                throw ApiProblem.forbidden("only users who log in with a password can change it");
            }
            return contexts.blocking(() -> BcryptUtil.matches(current, u.passwordHash)
                    ? BcryptUtil.bcryptHash(next, BCRYPT_COST) : null);
        }).chain(hash -> {
            if (hash == null) {
                throw ApiProblem.invalid("current_password", "is wrong");
            }
            return Panache.withTransaction(() -> repository.byName(actor.name()).chain(u -> {
                u.passwordHash = hash;
                u.passwordChangedAt = Instant.now();
                u.updatedAt = u.passwordChangedAt;
                return audit.record(new Change(actor.name(), "update", "user", u.username, null, "password", null,
                        null, "ok", null));
            }));
        });
    }

    /** Creates the first admin unless a user of that name exists; joins no transaction (opens its own). */
    public Uni<Boolean> ensureAdmin(String username, String password) {
        return contexts.blocking(() -> BcryptUtil.bcryptHash(password, BCRYPT_COST))
                .chain(hash -> Panache.withTransaction(() -> repository.byName(username).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(false);
                    }
                    return insert(username, hash, Roles.ADMIN)
                            .call(u -> audit.record(Change.of("system", "create", "user", username, null, null,
                                    "role admin (first admin from configuration)")))
                            .replaceWith(true);
                })));
    }

    private Uni<User> insert(String username, String hash, String role) {
        User u = new User();
        u.id = UUID.randomUUID().toString();
        u.username = username;
        u.passwordHash = hash;
        u.role = role;
        u.createdAt = Instant.now();
        u.updatedAt = u.createdAt;
        u.passwordChangedAt = u.createdAt;
        return repository.persist(u);
    }

    static void passwordRules(String password, String field, List<FieldError> errors) {
        if (password == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (password.length() < 8) {
            errors.add(new FieldError(field, "must be at least 8 characters"));
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            errors.add(new FieldError(field, "must be at most 72 bytes (bcrypt)"));
        }
    }

    static UserView view(User u) {
        return new UserView(u.username, u.role, Roles.groups(u.role), u.createdAt, u.updatedAt, u.passwordChangedAt);
    }
}
