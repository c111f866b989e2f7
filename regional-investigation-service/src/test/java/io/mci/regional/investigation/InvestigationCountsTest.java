package io.mci.regional.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.mci.contract.investigation.Priority;
import io.mci.regional.support.Api;
import io.mci.regional.support.Db;
import io.mci.regional.support.RegistryStub;
import io.mci.regional.support.TestCustomers;
import io.mci.regional.support.TestInvestigation;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The all-time counts come from {@code investigation_count}, kept by triggers: after creates, updates of status and
 * priority, bulk closes, direct inserts and many concurrent writers they equal a count of the investigations
 * themselves, and nothing deadlocks.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class InvestigationCountsTest {

    /** The counts endpoint's answer for the customers, as "customer priority status" -> count. */
    private static Map<String, Long> served(List<UUID> customers) {
        List<Map<String, Object>> cells = Api.federation().body(Map.of("customer_ids", customers))
                .post("/regional/v1/investigations/counts").then().statusCode(200).extract().jsonPath().getList("counts");
        Map<String, Long> counts = new HashMap<>();
        cells.forEach(c -> counts.put(c.get("customer_id") + " " + c.get("priority") + " " + c.get("status"),
                ((Number) c.get("count")).longValue()));
        return counts;
    }

    /** The same, counted from the investigation table directly. */
    private static Map<String, Long> counted(List<UUID> customers) {
        Map<String, Long> counts = new HashMap<>();
        for (UUID customer : customers) {
            for (Priority p : Priority.values()) {
                for (String status : List.of("OPEN", "INVESTIGATING", "WAITING", "CLOSED")) {
                    long n = Db.scalar("SELECT count(*) FROM investigation WHERE organization_id = ? AND priority = ? AND status = ?",
                            customer, (short) p.rank(), status);
                    if (n > 0) {
                        counts.put(customer + " " + p.name() + " " + status, n);
                    }
                }
            }
        }
        return counts;
    }

    private static String create(UUID customer, String priority) {
        return Api.writer().body(Map.of("organization_id", customer, "title", "Counted", "priority", priority))
                .post("/regional/v1/investigations").then().statusCode(201).extract().path("rrn");
    }

    @Test
    void followEveryKindOfWrite() {
        UUID a = TestCustomers.fresh();
        UUID b = TestCustomers.fresh();
        List<UUID> both = List.of(a, b);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        Db.insert(List.of(TestInvestigation.of(a, Priority.LOW, t).source("MANUAL"),
                TestInvestigation.of(a, Priority.LOW, t.plusSeconds(1)).source("MANUAL"),
                TestInvestigation.of(b, Priority.CRITICAL, t).status("WAITING")));
        String high = create(a, "HIGH");
        String medium = create(b, "MEDIUM");
        assertEquals(counted(both), served(both));
        assertEquals(2L, served(both).get(a + " LOW OPEN"));

        Api.writer().body(Map.of("status", "INVESTIGATING", "priority", "CRITICAL")).patch("/regional/v1/investigations/" + high)
                .then().statusCode(200);
        Api.writer().body(Map.of("status", "CLOSED", "disposition", "BENIGN")).patch("/regional/v1/investigations/" + medium)
                .then().statusCode(200);
        Api.writer().body(Map.of("title", "Renamed only")).patch("/regional/v1/investigations/" + medium).then().statusCode(200);
        assertEquals(counted(both), served(both));
        assertEquals(null, served(both).get(a + " HIGH OPEN"), "a group that drops to zero is not served");

        Api.writer().body(Map.of("customer_ids", List.of(a), "source", "MANUAL", "from", "2026-01-01T00:00:00Z",
                "to", "2026-03-01T00:00:00Z", "disposition", "BENIGN", "max_investigations_to_close", 10))
                .post("/regional/v1/investigations/bulk-close").then().statusCode(200);
        assertEquals(counted(both), served(both));
        assertTrue(served(both).containsKey(a + " LOW CLOSED"), served(both).toString());

        // Within a time window the counts still come from the investigations themselves.
        List<Map<String, Object>> windowed = Api.federation().body(Map.of("customer_ids", List.of(a),
                "created_from", "2026-02-01T10:00:00.500Z", "created_to", "2026-02-01T10:00:01Z"))
                .post("/regional/v1/investigations/counts").then().statusCode(200).extract().jsonPath().getList("counts");
        assertEquals(1, windowed.size(), windowed.toString());
    }

    @Test
    void stayExactUnderConcurrentWritersWithoutDeadlocks() throws Exception {
        UUID customer = TestCustomers.fresh();
        List<String> rrns = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rrns.add(create(customer, i % 2 == 0 ? "HIGH" : "LOW"));
        }
        String[] statuses = { "INVESTIGATING", "WAITING", "OPEN", "CLOSED" };
        String[] priorities = { "LOW", "MEDIUM", "HIGH", "CRITICAL" };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < rrns.size(); i++) {
                String rrn = rrns.get(i);
                Map<String, Object> change = Map.of("status", statuses[(i + round) % 4], "priority", priorities[(i * 3 + round) % 4]);
                results.add(pool.submit(() -> Api.writer().body(change).patch("/regional/v1/investigations/" + rrn).statusCode()));
            }
            // and bulk closes racing with them
            results.add(pool.submit(() -> Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "MANUAL",
                    "from", "2000-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z", "max_investigations_to_close", 100))
                    .post("/regional/v1/investigations/bulk-close").statusCode()));
        }
        for (Future<Integer> f : results) {
            int status = f.get();
            assertTrue(status == 200 || status == 409, "a concurrent write answered " + status);
        }
        pool.shutdown();
        assertEquals(counted(List.of(customer)), served(List.of(customer)));
        assertEquals(12L, served(List.of(customer)).values().stream().mapToLong(Long::longValue).sum());
    }
}
