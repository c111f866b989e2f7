package io.mci.regional.comment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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

/** Comments (list, create, get, delete, visibility) and alerts (list, unlink), each write audited and versioned. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class CommentsAndAlertsTest {

    static String newInvestigation(UUID customer) {
        return Api.writer().body(Map.of("organization_id", customer, "title", "Commented"))
                .post("/regional/v1/investigations").then().statusCode(201).extract().path("rrn");
    }

    static JsonPath audit(String rrn) {
        return Api.federation().get("/regional/v1/investigations/" + rrn + "/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> change(String field, String from, String to) {
        Map<String, Object> m = new HashMap<>();
        m.put("field", field);
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    @Test
    void commentLifecycleIsAuditedAndBumpsTheInvestigationVersion() {
        UUID customer = TestCustomers.fresh();
        String target = newInvestigation(customer);
        var created = Api.writer().header("X-Actor-Type", "ORG_API_KEY").header("If-Match", "\"1\"")
                .body(Map.of("target", target, "body", "First look: benign.", "attachments",
                        List.of("rrn:collaboration:us:" + customer + ":attachment:ABC")))
                .post("/regional/v1/comments");
        created.then().statusCode(201).header("ETag", "\"2\"")
                .body("rrn", matchesPattern("rrn:investigation:us:" + customer + ":comment:[A-Z0-9]{12}"))
                .body("target", equalTo(target)).body("creator.type", equalTo("ORG_API_KEY"))
                .body("creator.name", equalTo("Ana Lyst")).body("body", equalTo("First look: benign."))
                .body("visibility", equalTo("PUBLIC")).body("created_time", notNullValue())
                .body("attachments[0].rrn", equalTo("rrn:collaboration:us:" + customer + ":attachment:ABC"));
        String comment = created.path("rrn");
        Api.writer().body(Map.of("target", target, "body", "Second.", "visibility", "INTERNAL"))
                .post("/regional/v1/comments").then().statusCode(201).body("visibility", equalTo("INTERNAL"));

        JsonPath list = Api.federation().queryParam("target", target).get("/regional/v1/comments").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, list.getInt("total"));
        assertEquals(List.of("First look: benign.", "Second."), list.getList("items.body"));
        assertEquals(1, Api.federation().queryParam("target", target).queryParam("offset", 1).queryParam("limit", 1)
                .get("/regional/v1/comments").then().extract().jsonPath().getList("items").size());

        Api.federation().get("/regional/v1/comments/" + comment).then().statusCode(200).body("rrn", equalTo(comment));
        Api.writer().put("/regional/v1/comments/" + comment + "/visibility/internal").then().statusCode(200)
                .body("visibility", equalTo("INTERNAL")).header("ETag", "\"4\"");
        Api.writer().header("If-Match", "\"1\"").delete("/regional/v1/comments/" + comment).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION"));
        Api.writer().delete("/regional/v1/comments/" + comment).then().statusCode(204).header("ETag", "\"5\"");
        Api.federation().get("/regional/v1/comments/" + comment).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.writer().delete("/regional/v1/comments/" + comment).then().statusCode(404);

        JsonPath audit = audit(target);
        assertEquals(List.of("CREATE", "COMMENT_CREATE", "COMMENT_CREATE", "COMMENT_VISIBILITY", "COMMENT_DELETE"),
                audit.getList("items.action"));
        assertTrue(audit.getList("items[1].changes").contains(change("comment", null, comment)));
        assertTrue(audit.getList("items[3].changes").contains(change("visibility", "PUBLIC", "INTERNAL")));
        assertTrue(audit.getList("items[4].changes").contains(change("comment", comment, null)));
        Api.federation().get("/regional/v1/investigations/" + target).then().body("version", equalTo(5));
    }

    @Test
    void commentsOfAnUnknownInvestigationAre404() {
        UUID customer = TestCustomers.fresh();
        String missing = "rrn:investigation:us:" + customer + ":investigation:ABCDEFGHIJKL";
        long rows = Db.allRows();
        Api.writer().body(Map.of("target", missing, "body", "hello")).post("/regional/v1/comments").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("correlation_id", notNullValue());
        Api.federation().queryParam("target", missing).get("/regional/v1/comments").then().statusCode(404);
        assertEquals(rows, Db.allRows());
    }

    @Test
    void alertsAreListedNewestFirstAndUnlinkRecomputesAlertTimes() {
        UUID customer = TestCustomers.fresh();
        Instant t = Instant.parse("2026-04-01T08:00:00Z");
        TestInvestigation inv = TestInvestigation.of(customer, Priority.MEDIUM, t)
                .alertTimes(t.minusSeconds(10), t.minusSeconds(10));
        Db.insert(List.of(inv));
        Db.execute("UPDATE investigation SET first_alert_time = ? WHERE id = ?", Db.ts(t.minusSeconds(30)), inv.id());
        String older = ShortIds.next();
        String newer = ShortIds.next();
        Db.insertAlert(older, customer, inv.id(), t.minusSeconds(30), "Account Created", null, null, null, "h1", "u1");
        Db.insertAlert(newer, customer, inv.id(), t.minusSeconds(10), "Attacker Behavior Detected",
                "rrn:cba:::detection-rule:RULE00000009", "Rule 9", List.of("T1003"), "h2", "u2");

        JsonPath alerts = Api.federation().get("/regional/v1/investigations/" + inv.rrn() + "/alerts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, alerts.getInt("total"));
        assertEquals(List.of(newer, older), alerts.getList("items.id"));
        assertEquals("Rule 9", alerts.getString("items[0].detection_rule_rrn.rule_name"));
        assertEquals("rrn:cba:::detection-rule:RULE00000009", alerts.getString("items[0].detection_rule_rrn.rule_rrn"));
        assertEquals("Attacker Behavior Detected", alerts.getString("items[0].alert_type"));
        assertEquals(null, (Object) alerts.get("items[1].detection_rule_rrn"));

        String newerRrn = "rrn:alerts:us:" + customer + ":alert:" + newer;
        Api.writer().header("If-Match", "\"7\"").delete("/regional/v1/investigations/" + inv.rrn() + "/alerts/" + newerRrn)
                .then().statusCode(412);
        Api.writer().delete("/regional/v1/investigations/" + inv.rrn() + "/alerts/" + newerRrn).then().statusCode(200)
                .header("ETag", "\"2\"").body("latest_alert_time", equalTo("2026-04-01T07:59:30.000Z"))
                .body("alerts_most_recent_detection_created_time", nullValue())
                .body("first_alert_time", equalTo("2026-04-01T07:59:30.000Z"));
        assertEquals(List.of(older), Api.federation().get("/regional/v1/investigations/" + inv.rrn() + "/alerts")
                .then().extract().jsonPath().getList("items.id"));
        Api.writer().delete("/regional/v1/investigations/" + inv.rrn() + "/alerts/" + newerRrn).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        JsonPath audit = audit(inv.rrn());
        assertEquals(1, audit.getInt("total"));
        assertEquals("ALERT_UNLINK", audit.getString("items[0].action"));
        List<Map<String, Object>> changes = audit.getList("items[0].changes");
        assertTrue(changes.contains(change("alerts", newerRrn, null)));
        assertTrue(changes.contains(change("latest_alert_time", "2026-04-01T07:59:50.000Z", "2026-04-01T07:59:30.000Z")));
        assertTrue(changes.contains(change("alerts_most_recent_detection_created_time", "2026-04-01T07:59:50.000Z", null)));
    }
}
