package io.mci.regional.investigation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Create, read, PATCH, bulk close: conditional writes, concurrency, and the audit row of every write. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class InvestigationWritesTest {

    static JsonPath create(UUID customer, String title) {
        return Api.writer().body(Map.of("organization_id", customer, "title", title, "priority", "HIGH"))
                .post("/regional/v1/investigations").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath audit(String rrn) {
        return Api.federation().get("/regional/v1/investigations/" + rrn + "/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void createsWithDefaultsAndAuditsTheCreation() {
        UUID customer = TestCustomers.fresh();
        Response created = Api.writer()
                .body(Map.of("organization_id", customer, "title", "Suspicious logon", "assignee",
                        Map.of("email", "bob@mssp.example", "name", "Bob"), "tags", List.of("vip", "vip", "cloud")))
                .post("/regional/v1/investigations");
        created.then().statusCode(201).header("ETag", "\"1\"")
                .body("id", org.hamcrest.Matchers.matchesPattern("[A-Z0-9]{12}"))
                .body("rrn", equalTo("rrn:investigation:us:" + customer + ":investigation:" + created.path("id")))
                .body("organization_id", equalTo(customer.toString()))
                .body("status", equalTo("OPEN")).body("priority", equalTo("UNSPECIFIED"))
                .body("disposition", equalTo("UNDECIDED")).body("source", equalTo("MANUAL"))
                .body("assignee.email", equalTo("bob@mssp.example")).body("assignee.name", equalTo("Bob"))
                .body("tags", equalTo(List.of("vip", "cloud"))).body("version", equalTo(1))
                .body("first_alert_time", nullValue()).body("latest_alert_time", nullValue())
                .body("alerts_most_recent_detection_created_time", nullValue()).body("responsibility", nullValue())
                .body("created_time", org.hamcrest.Matchers.matchesPattern(".*\\.\\d{3}Z"));
        String rrn = created.path("rrn");
        JsonPath audit = audit(rrn);
        assertEquals(1, audit.getInt("total"));
        assertEquals("CREATE", audit.getString("items[0].action"));
        assertEquals(Api.ACTOR_ID, audit.getString("items[0].actor_id"));
        assertEquals(Api.ACTOR_EMAIL, audit.getString("items[0].actor_email"));
        assertEquals("test", audit.getString("items[0].entry_point"));
        assertEquals(rrn, audit.getString("items[0].investigation_rrn"));
        assertTrue(audit.getList("items[0].changes").contains(change("title", null, "Suspicious logon")));
        assertTrue(audit.getList("items[0].changes").contains(change("assignee", null, "bob@mssp.example")));
    }

    @Test
    void getsByShortIdWithCustomerOrByRrnWithEtag() {
        UUID customer = TestCustomers.fresh();
        JsonPath created = create(customer, "Read me");
        String id = created.getString("id");
        Api.federation().queryParam("customer_id", customer).get("/regional/v1/investigations/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
        Api.federation().get("/regional/v1/investigations/" + created.getString("rrn"))
                .then().statusCode(200).body("title", equalTo("Read me"));
        Api.federation().queryParam("customer_id", TestCustomers.fresh()).get("/regional/v1/investigations/" + id)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND")).body("correlation_id", notNullValue());
        Api.federation().get("/regional/v1/investigations/" + id)
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("customer_id"));
    }

    @Test
    void patchChangesFieldsBumpsVersionAndAuditsFromTo() {
        UUID customer = TestCustomers.fresh();
        String rrn = create(customer, "Before").getString("rrn");
        Api.writer().body(Map.of("title", "After", "status", "CLOSED", "disposition", "MALICIOUS", "priority", "LOW",
                "assignee", Map.of("email", "carol@mssp.example", "id", "analyst-carol")))
                .patch("/regional/v1/investigations/" + rrn)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("title", equalTo("After"))
                .body("status", equalTo("CLOSED")).body("disposition", equalTo("MALICIOUS")).body("priority", equalTo("LOW"))
                .body("assignee.email", equalTo("carol@mssp.example"));
        JsonPath audit = audit(rrn);
        assertEquals(2, audit.getInt("total"));
        assertEquals("UPDATE", audit.getString("items[1].action"));
        List<Map<String, Object>> changes = audit.getList("items[1].changes");
        assertTrue(changes.contains(change("title", "Before", "After")), changes.toString());
        assertTrue(changes.contains(change("status", "OPEN", "CLOSED")));
        assertTrue(changes.contains(change("disposition", "UNDECIDED", "MALICIOUS")));
        assertTrue(changes.contains(change("priority", "HIGH", "LOW")));
        assertTrue(changes.contains(change("assignee", null, "carol@mssp.example")));

        // assignee.email null unassigns; the assignee_ids filter now no longer matches.
        Map<String, Object> unassign = new java.util.HashMap<>();
        unassign.put("email", null);
        Api.writer().body(Map.of("assignee", unassign)).patch("/regional/v1/investigations/" + rrn)
                .then().statusCode(200).body("assignee", nullValue()).body("version", equalTo(3));
        assertTrue(audit(rrn).getList("items[2].changes").contains(change("assignee", "carol@mssp.example", null)));
    }

    @Test
    void patchThatChangesNothingWritesNoAuditRow() {
        String rrn = create(TestCustomers.fresh(), "Same").getString("rrn");
        Api.writer().body(Map.of("title", "Same", "priority", "HIGH")).patch("/regional/v1/investigations/" + rrn)
                .then().statusCode(200).body("version", equalTo(1)).header("ETag", "\"1\"");
        assertEquals(1, audit(rrn).getInt("total"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String rrn = create(TestCustomers.fresh(), "Versioned").getString("rrn");
        Api.writer().header("If-Match", "\"1\"").body(Map.of("title", "v2")).patch("/regional/v1/investigations/" + rrn)
                .then().statusCode(200).body("version", equalTo(2));
        String digest = Db.investigationsDigest();
        long rows = Db.allRows();
        Api.writer().header("If-Match", "\"1\"").body(Map.of("title", "lost update"))
                .patch("/regional/v1/investigations/" + rrn)
                .then().statusCode(412).body("code", equalTo("STALE_VERSION")).body("status", equalTo(412))
                .body("correlation_id", notNullValue());
        assertEquals(digest, Db.investigationsDigest());
        assertEquals(rows, Db.allRows());
        Api.federation().get("/regional/v1/investigations/" + rrn).then().body("title", equalTo("v2"));
    }

    @Test
    void concurrentUpdatesWithoutIfMatchAreAllAppliedAndAudited() throws Exception {
        String rrn = create(TestCustomers.fresh(), "t0").getString("rrn");
        int writers = 12;
        List<Integer> statuses = race(writers, k -> Api.writer().body(Map.of("title", "t" + (k + 1)))
                .patch("/regional/v1/investigations/" + rrn).statusCode());
        assertEquals(java.util.Collections.nCopies(writers, 200), statuses);
        Api.federation().get("/regional/v1/investigations/" + rrn).then().body("version", equalTo(1 + writers));
        JsonPath audit = audit(rrn);
        assertEquals(1 + writers, audit.getInt("total"));
        // The audit rows form one chain: each update starts from the title the previous one left.
        String title = "t0";
        Set<String> applied = new HashSet<>();
        for (int k = 1; k <= writers; k++) {
            List<Map<String, Object>> changes = audit.getList("items[" + k + "].changes");
            assertEquals(1, changes.size());
            assertEquals(title, changes.get(0).get("from"));
            title = (String) changes.get(0).get("to");
            applied.add(title);
        }
        assertEquals(writers, applied.size(), "every writer's title was applied once");
    }

    @Test
    void concurrentUpdatesNamingTheSameVersionLetExactlyOneWin() throws Exception {
        String rrn = create(TestCustomers.fresh(), "race").getString("rrn");
        int writers = 8;
        List<Integer> statuses = race(writers, k -> Api.writer().header("If-Match", "\"1\"")
                .body(Map.of("title", "winner " + k)).patch("/regional/v1/investigations/" + rrn).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        assertEquals(2, audit(rrn).getInt("total"));
        Api.federation().get("/regional/v1/investigations/" + rrn).then().body("version", equalTo(2));
    }

    @Test
    void bulkCloseClosesMatchingOpenInvestigationsAndAuditsEach() {
        UUID customer = TestCustomers.fresh();
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        TestInvestigation manualIn = TestInvestigation.of(customer, Priority.LOW, t.plusSeconds(10)).source("MANUAL");
        TestInvestigation manualIn2 = TestInvestigation.of(customer, Priority.HIGH, t.plusSeconds(20)).source("MANUAL")
                .status("INVESTIGATING");
        TestInvestigation manualOut = TestInvestigation.of(customer, Priority.LOW, t.minusSeconds(10)).source("MANUAL");
        TestInvestigation alreadyClosed = TestInvestigation.of(customer, Priority.LOW, t.plusSeconds(30)).source("MANUAL")
                .status("CLOSED").disposition("BENIGN");
        TestInvestigation alertIn = TestInvestigation.of(customer, Priority.LOW, t.plusSeconds(40));
        TestInvestigation alertOtherType = TestInvestigation.of(customer, Priority.LOW, t.plusSeconds(50));
        Db.insert(List.of(manualIn, manualIn2, manualOut, alreadyClosed, alertIn, alertOtherType));
        Db.insertAlert(io.mci.contract.rrn.ShortIds.next(), customer, alertIn.id(), t.plusSeconds(39),
                "Attacker Behavior Detected", "rrn:cba:::detection-rule:RULE00000001", "Rule 1", List.of("T1059"), "h", "u");
        Db.insertAlert(io.mci.contract.rrn.ShortIds.next(), customer, alertOtherType.id(), t.plusSeconds(49),
                "Account Created", null, null, null, "h", "u");

        // Too many would close: 400 and nothing changes.
        String digest = Db.investigationsDigest();
        Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "MANUAL", "from", "2026-02-01T00:00:00Z",
                "to", "2026-02-02T00:00:00Z", "max_investigations_to_close", 1))
                .post("/regional/v1/investigations/bulk-close")
                .then().statusCode(400).body("code", equalTo("TOO_MANY_TO_CLOSE")).body("correlation_id", notNullValue());
        assertEquals(digest, Db.investigationsDigest());

        JsonPath closed = Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "MANUAL",
                "from", "2026-02-01T00:00:00Z", "to", "2026-02-02T00:00:00Z", "disposition", "BENIGN",
                "max_investigations_to_close", 2))
                .post("/regional/v1/investigations/bulk-close").then().statusCode(200).extract().jsonPath();
        assertEquals(2, closed.getInt("num_closed"));
        assertEquals(Set.of(manualIn.id(), manualIn2.id()), new HashSet<>(closed.getList("ids")));
        assertEquals(Set.of(manualIn.rrn(), manualIn2.rrn()), new HashSet<>(closed.getList("rrns")));
        JsonPath audit = audit(manualIn2.rrn());
        assertEquals("BULK_CLOSE", audit.getString("items[0].action"));
        List<Map<String, Object>> changes = audit.getList("items[0].changes");
        assertTrue(changes.contains(change("status", "INVESTIGATING", "CLOSED")));
        assertTrue(changes.contains(change("disposition", "UNDECIDED", "BENIGN")));
        Api.federation().get("/regional/v1/investigations/" + manualOut.rrn()).then().body("status", equalTo("OPEN"));

        JsonPath byType = Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "ALERT",
                "from", "2026-02-01T00:00:00Z", "to", "2026-02-02T00:00:00Z", "alert_type", "Attacker Behavior Detected"))
                .post("/regional/v1/investigations/bulk-close").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(alertIn.id()), byType.getList("ids"));
        Api.federation().get("/regional/v1/investigations/" + alertIn.rrn())
                .then().body("disposition", equalTo("NOT_APPLICABLE")).body("version", equalTo(2));

        Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "ALERT",
                "from", "2026-02-01T00:00:00Z", "to", "2026-02-02T00:00:00Z"))
                .post("/regional/v1/investigations/bulk-close").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
    }

    @Test
    void writesWithoutActingAnalystAre400AndWriteNothing() {
        UUID customer = TestCustomers.fresh();
        long rows = Db.allRows();
        Api.federation().body(Map.of("organization_id", customer, "title", "Nobody"))
                .post("/regional/v1/investigations")
                .then().statusCode(400).body("code", equalTo("ACTOR_REQUIRED")).body("correlation_id", notNullValue());
        assertEquals(rows, Db.allRows());
    }

    @Test
    void createdTimesAreStoredAtMillisecondPrecision() {
        String rrn = create(TestCustomers.fresh(), "Precision").getString("rrn");
        assertEquals(0, Db.scalar("SELECT count(*) FROM investigation WHERE rrn = ? AND (created_time <> date_trunc('milliseconds', created_time)"
                + " OR last_accessed <> date_trunc('milliseconds', last_accessed))", rrn));
        Instant created = Instant.parse(Api.federation().get("/regional/v1/investigations/" + rrn).path("created_time"));
        assertEquals(created, created.truncatedTo(ChronoUnit.MILLIS));
    }

    static Map<String, Object> change(String field, String from, String to) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("field", field);
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    interface Write {
        int run(int k);
    }

    /** Starts all writes at the same instant from separate threads. */
    static List<Integer> race(int n, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int index = k;
                Callable<Integer> task = () -> {
                    start.await();
                    return write.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
