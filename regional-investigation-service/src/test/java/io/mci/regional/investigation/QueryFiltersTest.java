package io.mci.regional.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.mci.contract.investigation.Priority;
import io.mci.contract.rrn.ShortIds;
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

/** Every filter of the federation query, and the counts per customer x priority x status. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFiltersTest {

    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    UUID a;
    UUID b;
    TestInvestigation phishOpen;
    TestInvestigation malwareClosed;
    TestInvestigation huntWaiting;
    TestInvestigation otherCustomer;

    @BeforeAll
    void arrange() {
        a = TestCustomers.fresh();
        b = TestCustomers.fresh();
        phishOpen = TestInvestigation.of(a, Priority.HIGH, T).title("Phishing mail to CFO")
                .assignee("analyst-1", "Ana@MSSP.example").tags(List.of("phishing", "vip"));
        malwareClosed = TestInvestigation.of(a, Priority.CRITICAL, T.plusSeconds(3600)).title("Malware on host-7")
                .status("CLOSED").disposition("MALICIOUS").tags(List.of("malware", "vip"));
        huntWaiting = TestInvestigation.of(a, Priority.LOW, T.plusSeconds(7200)).title("Threat hunt").source("HUNT")
                .status("WAITING").assignee("analyst-2", "bob@mssp.example");
        otherCustomer = TestInvestigation.of(b, Priority.HIGH, T.plusSeconds(60)).title("Phishing at B");
        Db.insert(List.of(phishOpen, malwareClosed, huntWaiting, otherCustomer));
        Db.insertAlert(ShortIds.next(), a, phishOpen.id(), T.minusSeconds(5), "Attacker Behavior Detected",
                "rrn:cba:::detection-rule:PHISHRULE001", "Phishing rule", List.of("T1566", "T1204"), "mail-gw-01.corp", "cfo.jones");
        Db.insertAlert(ShortIds.next(), a, malwareClosed.id(), T.plusSeconds(3500), "Account Created", null, null, null,
                "host-7.corp", "svc_backup");
    }

    Set<String> ids(Object... filter) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer_ids", List.of(a, b));
        for (int k = 0; k < filter.length; k += 2) {
            body.put((String) filter[k], filter[k + 1]);
        }
        JsonPath page = Api.federation().body(body).post("/regional/v1/investigations/query").then().statusCode(200)
                .extract().jsonPath();
        return new HashSet<>(page.getList("items.id"));
    }

    Set<String> of(TestInvestigation... items) {
        Set<String> s = new HashSet<>();
        for (TestInvestigation t : items) {
            s.add(t.id());
        }
        return s;
    }

    @Test
    void noFilterReturnsAllOfTheNamedCustomers() {
        assertEquals(of(phishOpen, malwareClosed, huntWaiting, otherCustomer), ids());
        assertEquals(of(otherCustomer), ids("customer_ids", List.of(b)));
    }

    @Test
    void enumFilters() {
        assertEquals(of(malwareClosed), ids("statuses", List.of("CLOSED")));
        assertEquals(of(phishOpen, huntWaiting, otherCustomer), ids("statuses", List.of("open", "WAITING")));
        assertEquals(of(phishOpen, otherCustomer), ids("priorities", List.of("HIGH")));
        assertEquals(of(huntWaiting), ids("sources", List.of("HUNT")));
        assertEquals(of(malwareClosed), ids("dispositions", List.of("MALICIOUS")));
    }

    @Test
    void assigneeFilters() {
        assertEquals(of(phishOpen), ids("assignee_email", "ana@mssp.EXAMPLE"));
        assertEquals(of(huntWaiting), ids("assignee_ids", List.of("analyst-2", "nobody")));
    }

    @Test
    void tagsMustAllBePresent() {
        assertEquals(of(phishOpen, malwareClosed), ids("tags", List.of("vip")));
        assertEquals(of(phishOpen), ids("tags", List.of("vip", "phishing")));
        assertEquals(Set.of(), ids("tags", List.of("phishing", "malware")));
    }

    @Test
    void createdRangeIsInclusive() {
        assertEquals(of(phishOpen, otherCustomer, malwareClosed),
                ids("created_from", "2026-03-01T12:00:00Z", "created_to", "2026-03-01T13:00:00.000Z"));
        assertEquals(of(huntWaiting), ids("created_from", "2026-03-01T13:00:00.001Z"));
    }

    @Test
    void titleContainsIsCaseInsensitive() {
        assertEquals(of(phishOpen, otherCustomer), ids("title_contains", "PHISH"));
        assertEquals(of(malwareClosed), ids("title_contains", "host-7"));
        assertEquals(Set.of(), ids("title_contains", "%"));
    }

    @Test
    void rrnsAndShortIds() {
        assertEquals(of(phishOpen, huntWaiting), ids("rrns", List.of(phishOpen.rrn(), huntWaiting.id().toLowerCase())));
        assertEquals(Set.of(), ids("rrns", List.of("rrn:investigation:eu:" + a + ":investigation:" + phishOpen.id())));
    }

    @Test
    void alertFilters() {
        assertEquals(of(phishOpen), ids("alert_rule_rrns", List.of("rrn:cba:::detection-rule:phishrule001")));
        assertEquals(of(phishOpen), ids("alert_mitre_t_codes", List.of("t1204")));
        assertEquals(of(malwareClosed), ids("actor_asset_hostname_contains", "HOST-7"));
        assertEquals(of(phishOpen), ids("actor_user_name_contains", "jones"));
        assertEquals(Set.of(), ids("actor_user_name_contains", "jones", "statuses", List.of("CLOSED")));
    }

    @Test
    void countsPerCustomerPriorityAndStatusOnlyNonZero() {
        JsonPath counts = Api.federation().body(Map.of("customer_ids", List.of(a, b)))
                .post("/regional/v1/investigations/counts").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> cells = counts.getList("counts");
        assertEquals(4, cells.size());
        assertEquals(Set.of(
                cell(a, "HIGH", "OPEN", 1), cell(a, "CRITICAL", "CLOSED", 1), cell(a, "LOW", "WAITING", 1),
                cell(b, "HIGH", "OPEN", 1)), new HashSet<>(cells));
        JsonPath ranged = Api.federation().body(Map.of("customer_ids", List.of(a), "created_from", "2026-03-01T12:30:00Z"))
                .post("/regional/v1/investigations/counts").then().statusCode(200).extract().jsonPath();
        assertEquals(2, ranged.getList("counts").size());
    }

    static Map<String, Object> cell(UUID customer, String priority, String status, int count) {
        return Map.of("customer_id", customer.toString(), "priority", priority, "status", status, "count", count);
    }
}
