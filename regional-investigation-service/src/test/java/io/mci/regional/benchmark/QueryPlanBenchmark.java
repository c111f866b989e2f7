package io.mci.regional.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.mci.contract.investigation.Priority;
import io.mci.regional.investigation.model.InvestigationFilter;
import io.mci.regional.investigation.model.Position;
import io.mci.regional.investigation.model.SortField;
import io.mci.regional.investigation.repository.QuerySql;
import io.mci.regional.support.Api;
import io.mci.regional.support.RegistryStub;
import io.mci.regional.support.TestCustomers;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.mci.regional.synthetic.api.SyntheticDataRequest;
import io.mci.regional.synthetic.api.SyntheticDataResponse;
import io.mci.regional.synthetic.service.SyntheticDataService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Loads 1,000,000 investigations for 1,000 customers with the generator and records, for every query shape,
 * the plan of {@code EXPLAIN (ANALYZE, BUFFERS)} and the timings, in {@code target/regional-query-plans.md}
 * (copied into docs/regional-query-plans.md). Not part of the test run: {@code -Dmci.benchmark=true}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
@EnabledIfSystemProperty(named = "mci.benchmark", matches = "true")
class QueryPlanBenchmark {

    static final Instant ANCHOR = Instant.parse("2026-06-30T12:00:00Z");
    static final int CUSTOMERS = 1000;
    static final int INVESTIGATIONS = Integer.getInteger("mci.benchmark.investigations", 1_000_000);

    @Inject
    Pool pool;

    @Inject
    SyntheticDataService generator;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    final StringBuilder out = new StringBuilder();

    @Test
    void recordPlansAtOneMillionRows() throws IOException {
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            all.add(TestCustomers.local(i));
        }
        double cpuBefore = postgresCpuSeconds();
        long started = System.nanoTime();
        // Called in-process: a million rows take longer than the test HTTP client waits.
        SyntheticDataResponse load = generator.generate(new SyntheticDataRequest(42L, all, INVESTIGATIONS, ANCHOR, null, null))
                .await().indefinitely();
        long wall = (System.nanoTime() - started) / 1_000_000;
        double cpu = postgresCpuSeconds() - cpuBefore;
        assertEquals(INVESTIGATIONS, load.investigationsInserted());
        out.append("## Load\n\n").append(String.format(
                "Generator: %,d investigations, %,d alerts, %,d comments for %,d customers in %,d ms"
                        + " (incl. ANALYZE; %,d ms wall-clock). CPU time used by the PostgreSQL processes meanwhile:"
                        + " %.1f s (what the load costs on an otherwise idle machine; the wall-clock time includes"
                        + " waiting for CPU shared with other builds).%n%n",
                load.investigationsInserted(), load.alertsInserted(), load.commentsInserted(), CUSTOMERS, load.millis(), wall,
                cpu));
        sql("VACUUM (ANALYZE) investigation");
        sql("VACUUM (ANALYZE) alert");
        out.append("Table sizes: ").append(one("SELECT 'investigation ' || pg_size_pretty(pg_table_size('investigation'))"
                + " || ' + indexes ' || pg_size_pretty(pg_indexes_size('investigation')) || ', alert '"
                + " || pg_size_pretty(pg_total_relation_size('alert')) || ', comment '"
                + " || pg_size_pretty(pg_total_relation_size('comment'))")).append("\n\n");
        out.append("Connection setting plan_cache_mode: ").append(one("SHOW plan_cache_mode")).append("\n\n");
        out.append("Biggest customer: ").append(one("SELECT max(n)::text || ' investigations, smallest ' || min(n)::text"
                + " FROM (SELECT count(*) n FROM investigation GROUP BY organization_id) s")).append("\n\n");

        // Customer sets: the whole region, and the small sets one analyst typically has, biggest customers first
        // (they are the worst case for the per-customer plan).
        List<UUID> bySize = new ArrayList<>();
        pool.query("SELECT organization_id FROM investigation GROUP BY organization_id ORDER BY count(*) DESC").execute()
                .await().indefinitely().forEach(r -> bySize.add(r.getUUID(0)));
        Instant from = ANCHOR.minus(Duration.ofDays(28));

        out.append("## Shape by set size (priority DESC, last 28 days, limit 100; execution ms, median of 5)\n\n");
        out.append("| customers | biggest: GLOBAL | biggest: PER_CUSTOMER | smallest: GLOBAL | smallest: PER_CUSTOMER |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n");
        for (int n : List.of(1, 2, 3, 5, 10, 30, 100, 300, 1000)) {
            List<UUID> big = bySize.subList(0, n);
            List<UUID> small = bySize.subList(bySize.size() - n, bySize.size());
            out.append("| ").append(n);
            for (List<UUID> set : List.of(big, small)) {
                for (QuerySql.Shape shape : QuerySql.Shape.values()) {
                    out.append(" | ").append(fmt(time(QuerySql.page(shape, filter(set, from), SortField.PRIORITY, true, null, 0, 100))));
                }
            }
            out.append(" |\n");
        }
        out.append("\n");
        out.append("Sorted by rrn (customer-major order):\n\n| customers | biggest: GLOBAL | biggest: PER_CUSTOMER |"
                + " smallest: GLOBAL | smallest: PER_CUSTOMER |\n| ---: | ---: | ---: | ---: | ---: |\n");
        for (int n : List.of(10, 30, 100, 300)) {
            List<UUID> big = bySize.subList(0, n);
            List<UUID> small = bySize.subList(bySize.size() - n, bySize.size());
            out.append("| ").append(n);
            for (List<UUID> set : List.of(big, small)) {
                for (QuerySql.Shape shape : QuerySql.Shape.values()) {
                    out.append(" | ").append(fmt(time(QuerySql.page(shape, filter(set, from), SortField.RRN, true, null, 0, 100))));
                }
            }
            out.append(" |\n");
        }
        out.append("\n");
        List<UUID> smallest10 = bySize.subList(bySize.size() - 10, bySize.size());
        plan("10 customers (smallest), priority DESC, last 28 days, limit 100",
                QuerySql.page(shape(smallest10), filter(smallest10, from), SortField.PRIORITY, true, null, 0, 100));
        plan("100 customers (smallest), priority DESC, last 28 days, limit 100",
                QuerySql.page(shape(bySize.subList(bySize.size() - 100, bySize.size())),
                        filter(bySize.subList(bySize.size() - 100, bySize.size()), from), SortField.PRIORITY, true, null, 0, 100));
        for (SortField field : SortField.values()) {
            for (boolean desc : List.of(true, false)) {
                plan("All 1,000 customers, " + field.wire() + (desc ? " DESC" : " ASC") + ", last 28 days, limit 100",
                        QuerySql.page(shape(all), filter(all, from), field, desc, null, 0, 100));
                plan("10 customers (biggest), " + field.wire() + (desc ? " DESC" : " ASC") + ", last 28 days, limit 100",
                        QuerySql.page(field == SortField.RRN ? rrnShape(bySize.subList(0, 10)) : shape(bySize.subList(0, 10)), filter(bySize.subList(0, 10), from), field, desc, null, 0, 100));
            }
        }
        // Keyset continuation: page 50 of the whole region by priority, and of one customer.
        Position deep = positionAfter(all, from, 5000);
        plan("All 1,000 customers, priority DESC, keyset after the 5,000th item, limit 100",
                QuerySql.page(shape(all), filter(all, from), SortField.PRIORITY, true, deep, 0, 100));
        Position deepOne = positionAfter(bySize.subList(0, 1), from, 1000);
        plan("1 customer (biggest), priority DESC, keyset after the 1,000th item, limit 100",
                QuerySql.page(shape(bySize.subList(0, 1)), filter(bySize.subList(0, 1), from), SortField.PRIORITY, true, deepOne, 0, 100));
        plan("All 1,000 customers, priority DESC, no time window (90 days), limit 1000",
                QuerySql.page(shape(all), filter(all, null), SortField.PRIORITY, true, null, 0, 1000));
        plan("All 1,000 customers, filters status OPEN + priority HIGH,CRITICAL, created_time DESC, last 28 days",
                QuerySql.page(shape(all), new InvestigationFilter(all, EnumSet.of(io.mci.contract.investigation.InvestigationStatus.OPEN),
                        EnumSet.of(Priority.HIGH, Priority.CRITICAL), Set.of(), Set.of(), null, List.of(), List.of(), from, ANCHOR,
                        null, List.of(), List.of(), List.of(), List.of(), null, null), SortField.CREATED_TIME, true, null, 0, 100));
        plan("1 customer, title contains 'phishing' + actor user contains 'user00', priority DESC, last 28 days",
                QuerySql.page(shape(bySize.subList(0, 1)), new InvestigationFilter(bySize.subList(0, 1), Set.of(), Set.of(),
                        Set.of(), Set.of(), null, List.of(), List.of(), from, ANCHOR, "phishing", List.of(), List.of(), List.of(),
                        List.of(), null, "user00"), SortField.PRIORITY, true, null, 0, 100));
        plan("Total (include_total) for all 1,000 customers, last 28 days", QuerySql.total(filter(all, from)));
        plan("Total (include_total) for 10 customers, last 28 days", QuerySql.total(filter(bySize.subList(0, 10), from)));
        plan("Total for all 1,000 customers, status OPEN, last 28 days", QuerySql.total(new InvestigationFilter(all,
                EnumSet.of(io.mci.contract.investigation.InvestigationStatus.OPEN), Set.of(), Set.of(), Set.of(), null, List.of(),
                List.of(), from, ANCHOR, null, List.of(), List.of(), List.of(), List.of(), null, null)));
        var countsParams = new io.mci.regional.db.SqlParams();
        String countsSql = "SELECT i.organization_id, i.priority, i.status, count(*) AS n FROM investigation i"
                + " WHERE i.organization_id = ANY(" + countsParams.bind(all.toArray(new UUID[0])) + "::uuid[])"
                + " AND i.created_time >= " + countsParams.bind(from) + "::timestamptz"
                + " GROUP BY i.organization_id, i.priority, i.status ORDER BY i.organization_id, i.priority DESC, i.status";
        plan("Counts per customer x priority x status, all 1,000 customers, last 28 days",
                new QuerySql.Statement(countsSql, countsParams));

        out.append("## End to end over HTTP (JDK client, 20 calls after 3 warm-up)\n\n| request | median ms | p90 ms |\n| --- | ---: | ---: |\n");
        http("query, 1,000 customers, priority DESC, 28 days, limit 100", Map.of("customer_ids", all,
                "created_from", from.toString(), "created_to", ANCHOR.toString()));
        http("query, 1,000 customers, priority DESC, 28 days, limit 100, include_total", Map.of("customer_ids", all,
                "created_from", from.toString(), "created_to", ANCHOR.toString(), "include_total", true));
        http("query, 10 customers, priority DESC, 28 days, limit 100, include_total", Map.of("customer_ids",
                bySize.subList(0, 10), "created_from", from.toString(), "created_to", ANCHOR.toString(), "include_total", true));
        http("query, 1,000 customers, priority DESC, 28 days, limit 1000", Map.of("customer_ids", all,
                "created_from", from.toString(), "created_to", ANCHOR.toString(), "limit", 1000));
        http("query, 1 customer, created_time DESC, 28 days, limit 100", Map.of("customer_ids", bySize.subList(0, 1),
                "sort", Map.of("field", "created_time", "order", "DESC"), "created_from", from.toString()));
        http("query, 1,000 customers, priority DESC, 28 days, limit 100 (again, last)", Map.of("customer_ids", all,
                "created_from", from.toString(), "created_to", ANCHOR.toString()));
        long t0 = System.nanoTime();
        http("counts, 1,000 customers, 28 days", "/regional/v1/investigations/counts",
                Map.of("customer_ids", all, "created_from", from.toString()));
        http("counts, 10 customers, 28 days", "/regional/v1/investigations/counts",
                Map.of("customer_ids", bySize.subList(0, 10), "created_from", from.toString()));
        Files.writeString(Path.of("target/regional-query-plans.md"), out.toString());
        System.out.println("Benchmark written to target/regional-query-plans.md in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    QuerySql.Shape shape(List<UUID> customers) {
        return customers.size() <= 4 ? QuerySql.Shape.PER_CUSTOMER : QuerySql.Shape.GLOBAL;
    }

    /** The service's choice for the rrn sort (customer-major order): per customer up to 300 customers. */
    QuerySql.Shape rrnShape(List<UUID> customers) {
        return customers.size() <= 300 ? QuerySql.Shape.PER_CUSTOMER : QuerySql.Shape.GLOBAL;
    }

    static InvestigationFilter filter(List<UUID> customers, Instant from) {
        return new InvestigationFilter(customers, Set.of(), Set.of(), Set.of(), Set.of(), null, List.of(), List.of(), from,
                from == null ? null : ANCHOR, null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    Position positionAfter(List<UUID> customers, Instant from, int n) {
        var s = QuerySql.page(QuerySql.Shape.GLOBAL, filter(customers, from), SortField.PRIORITY, true, null, n - 1, 1);
        Row r = pool.preparedQuery(s.sql()).execute(s.params().tuple()).await().indefinitely().iterator().next();
        return new Position(Priority.ofRank(r.getShort("priority")), null, r.getOffsetDateTime("created_time").toInstant(),
                null, r.getString("id"), false);
    }

    void plan(String title, QuerySql.Statement s) {
        List<Double> times = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            lines.clear();
            for (Row r : pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS) " + s.sql()).execute(s.params().tuple())
                    .await().indefinitely()) {
                lines.add(r.getString(0));
            }
            String last = lines.get(lines.size() - 1);
            times.add(Double.parseDouble(last.replaceAll("[^0-9.]", "")));
        }
        Collections.sort(times);
        out.append("### ").append(title).append("\n\nExecution time: median ").append(fmt(times.get(2)))
                .append(" ms (min ").append(fmt(times.get(0))).append(", max ").append(fmt(times.get(4)))
                .append(") over 5 runs.\n\n```\n");
        lines.forEach(l -> out.append(l).append('\n'));
        out.append("```\n\n");
    }

    double time(QuerySql.Statement s) {
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            List<String> lines = new ArrayList<>();
            for (Row r : pool.preparedQuery("EXPLAIN (ANALYZE) " + s.sql()).execute(s.params().tuple()).await().indefinitely()) {
                lines.add(r.getString(0));
            }
            times.add(Double.parseDouble(lines.get(lines.size() - 1).replaceAll("[^0-9.]", "")));
        }
        Collections.sort(times);
        return times.get(2);
    }

    void http(String title, Map<String, Object> body) {
        http(title, "/regional/v1/investigations/query", body);
    }

    /** End-to-end latency with the JDK client (the test HTTP client itself costs tens of ms per call). */
    void http(String title, String path, Map<String, Object> body) {
        try {
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
            var client = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + path.substring(1)))
                    .header("Authorization", "Bearer " + Api.FEDERATION_TOKEN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(json)).build();
            List<Long> micros = new ArrayList<>();
            for (int k = 0; k < 23; k++) {
                long s = System.nanoTime();
                var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode());
                if (k >= 3) {
                    micros.add((System.nanoTime() - s) / 1_000);
                }
            }
            Collections.sort(micros);
            out.append("| ").append(title).append(" | ").append(fmt(micros.get(10) / 1000.0)).append(" | ")
                    .append(fmt(micros.get(18) / 1000.0)).append(" |\n");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** User + system CPU seconds of the embedded postmaster and all its children (Linux /proc), or NaN. */
    static double postgresCpuSeconds() {
        try {
            long postmaster = -1;
            try (var dirs = Files.list(Path.of("target/embedded-pg"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("data-")).toList()) {
                    Path pidFile = dir.resolve("postmaster.pid");
                    if (Files.exists(pidFile)) {
                        postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                    }
                }
            }
            if (postmaster < 0) {
                return Double.NaN;
            }
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(proc.getFileName().toString());
                        long ppid = Long.parseLong(f[1]);
                        if (pid == postmaster || ppid == postmaster) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    String one(String query) {
        return pool.query(query).execute().await().indefinitely().iterator().next().getString(0);
    }

    static String fmt(double ms) {
        return String.format("%.1f", ms);
    }
}
