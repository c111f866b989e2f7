package io.mci.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 16 server (zonky embedded binaries from Maven Central) with a data folder of its
 * own that survives restarts, and one application database in it.
 */
final class PostgresNode implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final String name;
    private final EmbeddedPostgres server;
    private final String database;

    private PostgresNode(String name, EmbeddedPostgres server, String database) {
        this.name = name;
        this.server = server;
        this.database = database;
    }

    static PostgresNode start(String name, Path dataDir, Path binariesDir, int port, String database) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binariesDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            PostgresNode node = new PostgresNode(name, server, database);
            node.createDatabaseIfMissing();
            return node;
        } catch (IOException | SQLException e) {
            throw new StartupFailure("PostgreSQL " + name, dataDir, e.getMessage());
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }

    String name() {
        return name;
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Datasource settings for a Quarkus service using this database (Flyway over JDBC, reactive at runtime). */
    java.util.Map<String, String> quarkusDatasource() {
        return java.util.Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping: nothing else to do, the data folder stays consistent (pg_ctl stop -m fast)
        }
    }
}
