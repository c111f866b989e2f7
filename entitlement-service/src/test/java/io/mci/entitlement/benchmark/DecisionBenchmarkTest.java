package io.mci.entitlement.benchmark;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.entitlement.TestDb;
import io.mci.entitlement.decision.repository.DecisionRepository;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Not a test: a measurement. Seeds one partner with 5,000 customers (plus 50,000 customers and
 * 50,000 grants of other partners as noise), grants one analyst all of them through the bulk API,
 * then records the decision endpoint's latency over many calls and EXPLAIN ANALYZE of the decision
 * query. Run: {@code mvn -B -pl entitlement-service test -Dgroups=benchmark}; results in
 * {@code target/benchmark/decision.md} and on stdout, recorded in docs/entitlement-benchmark.md.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DecisionBenchmarkTest {

    private static final int CUSTOMERS = 5_000;
    private static final int NOISE_PARTNERS = 10;
    private static final int NOISE_CUSTOMERS_PER_PARTNER = 5_000;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int CALLS = Integer.getInteger("bench.calls", 1_000);

    @Test
    void decisionLatencyForAnAnalystWithFiveThousandCustomers() throws Exception {
        StringBuilder report = new StringBuilder();
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("bench");
        UUID analyst = Fixtures.analystOf(partner, subject);

        long seedStart = System.nanoTime();
        seed(partner);
        report.append("Seeded ").append(CUSTOMERS).append(" customers of the partner and ")
                .append(NOISE_PARTNERS * NOISE_CUSTOMERS_PER_PARTNER).append(" customers / grants of ")
                .append(NOISE_PARTNERS).append(" other partners in ").append(ms(System.nanoTime() - seedStart))
                .append(" ms.\n");

        List<UUID> all = new ArrayList<>(TestDb.column("SELECT id FROM customer WHERE partner_id = ?", partner.id())
                .stream().map(UUID::fromString).toList());
        all.add(partner.primaryId());
        Map<String, Object> body = new HashMap<>();
        body.put("analyst_ids", List.of(analyst.toString()));
        body.put("customer_ids", all.stream().map(UUID::toString).toList());
        body.put("role", "ANALYST");
        long grantStart = System.nanoTime();
        as(partner.adminToken()).body(body).post(BASE + "/partners/" + partner.id() + "/grants").then().statusCode(200);
        report.append("Bulk grant of ").append(all.size()).append(" customers to the analyst (one call): ")
                .append(ms(System.nanoTime() - grantStart)).append(" ms.\n");
        TestDb.update("ANALYZE");

        String url = ConfigProvider.getConfig().getValue("test.url", String.class) + BASE + "/me/decision";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + Fixtures.analyst(subject)).GET().build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        int entitled = io.restassured.path.json.JsonPath.from(first.body()).getList("entitled").size();
        int excluded = io.restassured.path.json.JsonPath.from(first.body()).getList("excluded").size();
        report.append("Decision: ").append(entitled).append(" entitled, ").append(excluded).append(" excluded, ")
                .append(first.body().length() / 1024).append(" KiB of JSON.\n\n");

        for (int i = 0; i < WARMUP; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode());
            }
        }
        Arrays.sort(nanos);
        report.append("GET /entitlement/v1/me/decision, ").append(CALLS).append(" sequential calls after ")
                .append(WARMUP).append(" warm-up calls (client-side, JDK HttpClient, loopback):\n\n")
                .append("| p50 | p90 | p99 | max |\n| --- | --- | --- | --- |\n| ")
                .append(ms(pct(nanos, 50))).append(" ms | ").append(ms(pct(nanos, 90))).append(" ms | ")
                .append(ms(pct(nanos, 99))).append(" ms | ").append(ms(nanos[nanos.length - 1])).append(" ms |\n\n");

        // The database's share: the decision statement alone, prepared as the service prepares it.
        try (Connection c = TestDb.connect(); Statement s = c.createStatement()) {
            s.execute("PREPARE decision(text) AS " + DecisionRepository.BY_SUBJECT);
            String literal = "'" + subject.replace("'", "''") + "'";
            // Force the generic plan, the one a long-lived prepared statement ends up with.
            s.execute("SET plan_cache_mode = force_generic_plan");
            List<Double> executions = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String untimed = explain(s, "EXPLAIN (ANALYZE, TIMING OFF) EXECUTE decision(" + literal + ")");
                for (String line : untimed.split("\n")) {
                    if (line.startsWith("Execution Time:")) {
                        executions.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                    }
                }
            }
            executions.sort(Double::compare);
            String plan = explain(s, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE decision(" + literal + ")");
            report.append("Decision query (generic plan of the prepared statement), EXPLAIN (ANALYZE, TIMING OFF), ")
                    .append(executions.size()).append(" runs: median execution ")
                    .append(String.format("%.2f", executions.get(executions.size() / 2))).append(" ms, min ")
                    .append(String.format("%.2f", executions.get(0))).append(" ms, p90 ")
                    .append(String.format("%.2f", executions.get(executions.size() * 9 / 10))).append(" ms.\n\n")
                    .append("Plan with per-node timing (EXPLAIN (ANALYZE, BUFFERS); per-node timing adds overhead):\n\n```\n")
                    .append(plan).append("```\n\n");
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                report.append("Database: ").append(rs.getString(1)).append("\n");
            }
        }
        report.append("JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs visible, max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MiB; run at ").append(Instant.now()).append('\n');

        Path out = Path.of("target/benchmark/decision.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n==== decision benchmark ====\n" + report);
    }

    /** 5,000 customers of the partner (mostly approved and licensed, some for each exclusion) and noise. */
    private static void seed(Partner partner) throws Exception {
        try (Connection c = TestDb.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO customer (id, name, region, license_status, license_expires_at, partner_id,
                                          association_state, created_at)
                    SELECT gen_random_uuid(), 'Customer ' || lpad(i::text, 5, '0'),
                           (ARRAY['us','eu','ap'])[1 + i % 3],
                           CASE WHEN i % 50 = 1 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
                           CASE WHEN i % 50 = 2 THEN now() - interval '1 day' ELSE now() + interval '1 year' END,
                           '%s',
                           CASE WHEN i %% 50 = 3 THEN 'REQUESTED' WHEN i %% 50 = 4 THEN 'REVOKED'
                                WHEN i %% 50 = 5 THEN 'NONE' ELSE 'APPROVED' END,
                           now()
                      FROM generate_series(1, %d) AS i
                    """.replace("%s", partner.id().toString()).replace("%%", "%").replace("%d",
                    String.valueOf(CUSTOMERS - 1)));
            for (int p = 0; p < NOISE_PARTNERS; p++) {
                UUID noisePartner = UUID.randomUUID();
                UUID primary = UUID.randomUUID();
                UUID noiseAnalyst = UUID.randomUUID();
                s.execute("INSERT INTO customer (id, name, region, license_status, created_at) VALUES ('" + primary
                        + "', 'Noise primary', 'us', 'ACTIVE', now())");
                s.execute("INSERT INTO partner (id, name, license_product, license_status, partner_status_enabled, "
                        + "primary_customer_id, created_at) VALUES ('" + noisePartner + "', 'Noise', 'InsightIDR', "
                        + "'ACTIVE', true, '" + primary + "', now())");
                s.execute("INSERT INTO analyst (id, subject, email, name, partner_id, created_at) VALUES ('"
                        + noiseAnalyst + "', 'noise-" + noiseAnalyst + "', 'n" + p + "@noise.test', 'Noise', '"
                        + noisePartner + "', now())");
                s.execute("INSERT INTO customer (id, name, region, license_status, partner_id, association_state, "
                        + "created_at) SELECT gen_random_uuid(), 'Noise ' || i, 'eu', 'ACTIVE', '" + noisePartner
                        + "', 'APPROVED', now() FROM generate_series(1, " + NOISE_CUSTOMERS_PER_PARTNER + ") AS i");
                s.execute("INSERT INTO access_grant (analyst_id, customer_id, role, granted_at, granted_by) SELECT '"
                        + noiseAnalyst + "', id, 'VIEWER', now(), 'seed' FROM customer WHERE partner_id = '"
                        + noisePartner + "'");
            }
        }
    }

    private static String explain(Statement s, String sql) throws Exception {
        StringBuilder text = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                text.append(rs.getString(1)).append('\n');
            }
        }
        return text.toString();
    }

    private static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1_000_000.0);
    }
}
