package org.heatpumpsuite.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.heatpumpsuite.testsupport.PostgresResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A registry as the local run starts it: demo mode on (the default list of simulated pumps; the test publishes
 * the catalogue of two of their models) and a legacy export file, on a database of
 * its own on the shared PostgreSQL server (so the one-time imports of other tests do not interfere).
 */
public class StartupResource implements QuarkusTestResourceLifecycleManager {

    static final Path EXPORT = Path.of("target", "legacy-export.json").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(EXPORT.getParent());
            Files.writeString(EXPORT, LegacyImportIT.EXPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = PostgresResource.port();
        try (Connection c = PostgresResource.server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS heatpump_startup");
            s.execute("CREATE DATABASE heatpump_startup");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/heatpump_startup");
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/heatpump_startup");
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("registry.startup-interval", "1s");
        config.put("registry.legacy-import.file", EXPORT.toString());
        config.put("registry.demo.enabled", "true");
        return config;
    }

    /** JDBC access to this test's database. */
    static javax.sql.DataSource database() {
        return PostgresResource.server().getDatabase("postgres", "heatpump_startup");
    }

    @Override
    public void stop() {
        // the database is dropped on the next start
    }
}
