package io.mci.aggregator.bulk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One change on many investigations across customers and regions: each item gets its own outcome. */
@QuarkusTest
class BulkActionTest extends AggregatorTest {

    private static final String JSON = "application/json";

    @Test
    void aBulkActionWithMixedOutcomesReportsEveryItem() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String ok1 = Fixtures.rrn("us", Fixtures.US_PRIMARY, "OKAY00000001");
        String ok2 = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "OKAY00000002");
        String missing = Fixtures.rrn("us", Fixtures.US_ANALYST, "GONE00000001");
        String notEntitled = Fixtures.rrn("ap", Fixtures.AP_EXCLUDED, "SECRET000001");
        String viewer = Fixtures.rrn("eu", Fixtures.EU_VIEWER, "VIEWER000001");
        String conflict = Fixtures.rrn("us", Fixtures.US_ANALYST, "RACE00000001");
        String apDown = Fixtures.rrn("ap", Fixtures.AP_ANALYST, "DOWN00000001");
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/" + ok1)).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody(Fixtures.itemJson("us", Fixtures.US_PRIMARY, "OKAY00000001",
                        "HIGH", "CLOSED", 4))));
        Stubs.region("eu").register(patch(urlPathEqualTo("/regional/v1/investigations/" + ok2)).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody(Fixtures.itemJson("eu", Fixtures.EU_ANALYST, "OKAY00000002",
                        "HIGH", "CLOSED", 2))));
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/" + missing)).willReturn(
                aResponse().withStatus(404).withHeader("Content-Type", JSON)
                        .withBody("{\"message\":\"x\",\"correlation_id\":\"c\",\"status\":404,\"code\":\"NOT_FOUND\"}")));
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/" + conflict)).willReturn(
                aResponse().withStatus(409).withHeader("Content-Type", JSON).withBody(
                        "{\"message\":\"Changed concurrently\",\"correlation_id\":\"c\",\"status\":409,\"code\":\"CONFLICT\"}")));
        Stubs.region("ap").register(patch(urlPathEqualTo("/regional/v1/investigations/" + apDown)).willReturn(
                aResponse().withStatus(503)));

        List<String> rrns = List.of(ok1, missing, notEntitled, viewer, conflict, apDown, ok2);
        JsonNode result = Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject))
                .contentType(ContentType.JSON)
                .body(Map.of("rrns", rrns, "status", "closed", "disposition", "benign"))
                .post("/mci/v1/bulk-actions").then().statusCode(200).header("Cache-Control", "no-store")
                .extract().as(Map.class));

        List<String> outcomes = new ArrayList<>();
        result.get("results").forEach(r -> outcomes.add(r.get("outcome").asText()));
        assertEquals(List.of("ok", "not_found", "not_found", "forbidden", "conflict", "region_unavailable", "ok"),
                outcomes, "one result per RRN, in the order given");
        for (int i = 0; i < rrns.size(); i++) {
            assertEquals(rrns.get(i), result.at("/results/" + i + "/rrn").asText());
        }
        assertEquals(4, result.at("/results/0/investigation/version").asInt());
        assertEquals("Investigation not found.", result.at("/results/2/message").asText());
        assertEquals(result.at("/results/1/message"), result.at("/results/2/message"),
                "not entitled reads exactly like not found");
        assertEquals("Changed concurrently", result.at("/results/4/message").asText());
        assertEquals(2, result.at("/summary/ok").asInt());
        assertEquals(2, result.at("/summary/not_found").asInt());
        assertEquals(1, result.at("/summary/forbidden").asInt());
        assertEquals(1, result.at("/summary/conflict").asInt());
        assertEquals(1, result.at("/summary/region_unavailable").asInt());

        // The failing items neither blocked nor undid the others; writes are not retried; the excluded customer's
        // region was asked only about the entitled item; the viewer's item never left the aggregator.
        Stubs.region("eu").verifyThat(1, patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + ok2))
                .withHeader("X-Entry-Point", equalTo("mci bulk-action"))
                .withRequestBody(equalToJson("{\"status\": \"CLOSED\", \"disposition\": \"BENIGN\"}")));
        Stubs.region("eu").verifyThat(0, patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + viewer)));
        Stubs.region("ap").verifyThat(1, patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + apDown)));
        Stubs.region("ap").verifyThat(0, patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + notEntitled)));
    }

    @Test
    void anAssigneeWhoCannotBeAssignedInACustomerIsAConflictForThatCustomersItemsOnly() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Fixtures.stubAssignableUsers(subject, Fixtures.US_PRIMARY, "bob@acme.example", "Bob");
        Fixtures.stubAssignableUsers(subject, Fixtures.EU_ANALYST, "eve@cobalt.example", "Eve");
        String us = Fixtures.rrn("us", Fixtures.US_PRIMARY, "ASSIGN000001");
        String eu = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "ASSIGN000002");
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/" + us)).willReturn(aResponse()
                .withHeader("Content-Type", JSON).withBody(Fixtures.itemJson("us", Fixtures.US_PRIMARY, "ASSIGN000001",
                        "LOW", "OPEN", 2))));

        JsonNode result = Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject))
                .contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(us, eu), "assignee", Map.of("email", "bob@acme.example")))
                .post("/mci/v1/bulk-actions").then().statusCode(200).extract().as(Map.class));

        assertEquals("ok", result.at("/results/0/outcome").asText());
        assertEquals("conflict", result.at("/results/1/outcome").asText());
        Stubs.region("us").verifyThat(patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + us))
                .withRequestBody(equalToJson("{\"assignee\": {\"email\": \"bob@acme.example\", \"name\": \"Bob\"}}",
                        false, true)));
        assertEquals(0, Stubs.region("eu").find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void badInputChangesNothing() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String ok = Fixtures.rrn("us", Fixtures.US_PRIMARY, "OKAY00000001");
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(ok, "not-an-rrn"), "priority", "HIGH"))
                .post("/mci/v1/bulk-actions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("rrns[1]"));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(ok, ok), "priority", "HIGH"))
                .post("/mci/v1/bulk-actions").then().statusCode(400);
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(ok)))
                .post("/mci/v1/bulk-actions").then().statusCode(400);
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(ok), "priority", "URGENT"))
                .post("/mci/v1/bulk-actions").then().statusCode(400).body("accepted", org.hamcrest.Matchers.hasItem("HIGH"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Fixtures.rrn("us", Fixtures.US_PRIMARY, String.format("A%011d", i)));
        }
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body(Map.of("rrns", tooMany, "priority", "HIGH"))
                .post("/mci/v1/bulk-actions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("1000"));
        assertTrue(Stubs.region("us").find(anyRequestedFor(anyUrl())).isEmpty());
    }
}
