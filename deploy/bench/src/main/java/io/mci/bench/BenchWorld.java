package io.mci.bench;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.mci.local.Http;
import io.mci.local.LocalSystem;

/**
 * The benchmark's deterministic world: one MSSP partner with {@code customers} customers (customer {@code i} is
 * homed in region {@code i mod 3}, so every prefix of the list spreads over all regions), analysts entitled to the
 * first 10, 100, 1,000 and 10,000 of them, and investigations from each region's own generator. Everything about
 * partners, customers and grants goes through the entitlement service's API; investigations through the regional
 * generator (bulk SQL). The centralized store is a copy of the three regions' rows.
 */
final class BenchWorld {

    static final UUID PARTNER = id("partner");
    static final String ADMIN = "bench-admin";
    static final String OPERATOR = "olivia";
    static final String CUSTOMER_ADMIN = "carl";
    /** Keycloak subjects of the benchmark users (fixed ids in deploy/keycloak/mci-realm.json). */
    static final Map<String, String> SUBJECTS = Map.of(
            "bench-admin", "00000000-0000-4000-8000-000000000100",
            "bench-10", "00000000-0000-4000-8000-000000000101",
            "bench-100", "00000000-0000-4000-8000-000000000102",
            "bench-1000", "00000000-0000-4000-8000-000000000103",
            "bench-10000", "00000000-0000-4000-8000-000000000104");
    static final String CARL_SUBJECT = "00000000-0000-4000-8000-000000000006";
    /** Tables of a region that hold customer data and are copied to the centralized store, parents first. */
    static final List<String> COPIED_TABLES = List.of("investigation", "alert", "comment");

    private final LocalSystem system;
    private final List<String> regions;

    BenchWorld(LocalSystem system) {
        this.system = system;
        this.regions = system.regions();
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("mci-bench:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static UUID customer(int i) {
        return id("customer:" + i);
    }

    String region(int i) {
        return regions.get(i % regions.size());
    }

    /** The first {@code n} customers, in order. */
    static List<UUID> firstCustomers(int n) {
        return IntStream.range(0, n).mapToObj(BenchWorld::customer).toList();
    }

    /** The first {@code n} customers homed in {@code region}. */
    List<UUID> firstCustomersIn(String region, int n) {
        return IntStream.range(0, n).filter(i -> region(i).equals(region)).mapToObj(BenchWorld::customer).toList();
    }

    /**
     * The partner (once), customers {@code from} (inclusive) to {@code to} (exclusive), licensed, associated and
     * approved, the analysts (once), and for each scope N in {@code analystScopes} analyst {@code bench-N} granted
     * ANALYST on the first N customers.
     */
    void registerEntitlements(int from, int to, List<Integer> analystScopes, int threads) {
        Tokens tokens = new Tokens(system);
        Instant nextYear = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        call(tokens.of(OPERATOR), "POST", "/entitlement/v1/operator/partners", Map.of("id", PARTNER, "name", "Bench MSSP",
                "license", Map.of("product", "InsightIDR", "status", "ACTIVE", "expires_at", nextYear.toString()),
                "partner_status_enabled", true, "primary_customer",
                Map.of("id", id("primary"), "name", "Bench MSSP (primary)", "region", regions.get(0))), 201, 409);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                UUID c = customer(index);
                String operator = tokens.of(OPERATOR);
                call(operator, "POST", "/entitlement/v1/operator/customers", Map.of("id", c, "name", "Customer " + index,
                        "region", region(index), "license", Map.of("status", "ACTIVE", "expires_at", nextYear.toString())),
                        201, 409);
                call(operator, "POST", "/entitlement/v1/operator/customers/" + c + "/administrators",
                        Map.of("subject", CARL_SUBJECT, "email", "carl@customer.example", "name", "Carl"), 201, 409);
                call(operator, "POST", "/entitlement/v1/operator/customers/" + c + "/association",
                        Map.of("partner_id", PARTNER), 200, 409);
                call(tokens.of(CUSTOMER_ADMIN), "POST", "/entitlement/v1/customers/" + c + "/association/approve", "{}",
                        200, 409);
                int n = done.incrementAndGet();
                if (n % 1000 == 0) {
                    System.out.println("  customers registered: " + n);
                }
            }));
        }
        await(futures);
        pool.shutdown();

        for (String username : SUBJECTS.keySet().stream().sorted().toList()) {
            call(tokens.of(OPERATOR), "POST", "/entitlement/v1/operator/partners/" + PARTNER + "/analysts",
                    Map.of("id", id("analyst:" + username), "subject", SUBJECTS.get(username),
                            "email", username + "@bench.example", "name", username), 201, 409);
        }
        for (int scope : analystScopes) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("analyst_ids", List.of(id("analyst:bench-" + scope)));
            body.put("customer_ids", firstCustomers(scope));
            body.put("role", "ANALYST");
            call(tokens.of(ADMIN), "POST", "/entitlement/v1/partners/" + PARTNER + "/grants", body, 200);
        }
    }

    /**
     * Customers {@code from} (inclusive) to {@code to} (exclusive) get {@code perCustomer} investigations on average,
     * each region loading its own customers with its generator, the three regions in parallel.
     */
    Map<String, String> generate(int from, int to, long perCustomer, long seed) {
        String token = system.aggregatorServiceToken();
        Map<String, CompletableFuture<String>> calls = new LinkedHashMap<>();
        for (String region : regions) {
            List<UUID> ids = IntStream.range(from, to).filter(i -> region(i).equals(region)).mapToObj(BenchWorld::customer)
                    .toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("seed", seed + region.hashCode());
            body.put("customer_ids", ids);
            body.put("investigations", perCustomer * ids.size());
            calls.put(region, CompletableFuture.supplyAsync(() -> {
                return Http.send("POST", system.regionUrl(region) + "/regional/v1/admin/synthetic-data",
                        Map.of("Authorization", "Bearer " + token), body, Duration.ofMinutes(30)).expect(200, 201).body();
            }));
        }
        Map<String, String> results = new LinkedHashMap<>();
        calls.forEach((region, f) -> results.put(region, f.join()));
        return results;
    }

    /**
     * Copies the three regions' investigations, alerts and comments into the centralized database (binary COPY,
     * secondary indexes dropped during the copy and built again after, as the regional bulk generator does).
     *
     * @return rows copied per table
     */
    Map<String, Long> copyToCentral(String central) throws SQLException {
        Map<String, Long> copied = new LinkedHashMap<>();
        try (Connection target = system.database(central)) {
            List<String> indexes = new ArrayList<>();
            try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef "
                    + "FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename IN ('investigation', 'alert', 'comment') "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    try (Statement drop = target.createStatement()) {
                        drop.execute("DROP INDEX " + rs.getString(1));
                    }
                }
            }
            for (String table : COPIED_TABLES) {
                String columns = String.join(", ", columns(target, table));
                for (String region : regions) {
                    try (Connection source = system.database(region)) {
                        copied.merge(table, copy(source, target, table, columns), Long::sum);
                    }
                }
            }
            try (Statement s = target.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
            }
        }
        return copied;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = ? AND is_generated = 'NEVER' AND identity_generation IS NULL ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static long copy(Connection source, Connection target, String table, String columns) throws SQLException {
        CopyManager out = source.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = target.unwrap(PGConnection.class).getCopyAPI();
        try (PipedInputStream pipeIn = new PipedInputStream(1 << 20); PipedOutputStream pipeOut = new PipedOutputStream(pipeIn)) {
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                try (pipeOut) {
                    return out.copyOut("COPY (SELECT " + columns + " FROM " + table + ") TO STDOUT (FORMAT binary)", pipeOut);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("COPY out of " + table + ": " + e.getMessage(), e);
                }
            });
            long written = in.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)", pipeIn);
            long read = reader.join();
            if (read != written) {
                throw new IllegalStateException(table + ": read " + read + " rows, wrote " + written);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** VACUUM ANALYZE every table of the named databases: fresh statistics and visibility maps after bulk loads. */
    void vacuumAnalyze(List<String> databases) throws SQLException {
        for (String db : databases) {
            try (Connection c = system.database(db); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    /** Rows of a table in a database. */
    long count(String database, String table) throws SQLException {
        try (Connection c = system.database(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Http.Reply call(String token, String method, String path, Object body, int... expected) {
        return Http.send(method, system.entitlementUrl() + path, Map.of("Authorization", "Bearer " + token), body,
                Duration.ofMinutes(2)).expect(expected);
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Access tokens (they live 15 minutes), fetched once and renewed every 4 minutes. */
    static final class Tokens {
        private static final long RENEW_MS = 240_000;
        private record Token(String value, long fetchedAt) {
        }

        private final LocalSystem system;
        private final Map<String, Token> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        Tokens(LocalSystem system) {
            this.system = system;
        }

        /** A user's token (password grant). */
        String of(String username) {
            return cached(username, () -> system.userToken(username));
        }

        /** The aggregator's own client-credentials token (role mci-federation), for calling regions directly. */
        String service() {
            return cached(" service", system::aggregatorServiceToken);
        }

        private String cached(String key, java.util.function.Supplier<String> fetch) {
            Token t = tokens.get(key);
            if (t == null || System.currentTimeMillis() - t.fetchedAt() > RENEW_MS) {
                synchronized (this) {
                    t = tokens.get(key);
                    if (t == null || System.currentTimeMillis() - t.fetchedAt() > RENEW_MS) {
                        t = new Token(fetch.get(), System.currentTimeMillis());
                        tokens.put(key, t);
                    }
                }
            }
            return t.value();
        }
    }
}
