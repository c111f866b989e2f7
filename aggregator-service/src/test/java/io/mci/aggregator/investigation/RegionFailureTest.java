package io.mci.aggregator.investigation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * A slow or failing region costs at most its deadline, is reported per region and makes the answer partial;
 * a region that keeps failing is cut off by its circuit breaker and probed again later.
 */
@QuarkusTest
class RegionFailureTest extends AggregatorTest {

    private static final String LIST = "/idr/v2/investigations?multi-customer=true&size=100"
            + "&start_time=2024-04-01T00:00:00Z&end_time=2024-06-01T00:00:00Z";

    @ConfigProperty(name = "mci.fanout.deadline")
    Duration deadline;

    @Inject
    CircuitBreakerMaintenance maintenance;

    @Test
    void aRegionThatTimesOutYieldsAPartialAnswerWithinItsDeadline() {
        String subject = givenData();
        page(subject); // warm up: connections and the service token are in place, as in a running system
        Stubs.region("eu").register(post(urlPathEqualTo("/regional/v1/investigations/query")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));

        long started = System.nanoTime();
        JsonNode page = page(subject);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(page.at("/metadata/partial").asBoolean());
        Map<String, JsonNode> regions = regions(page);
        assertEquals("timeout", regions.get("eu").get("status").asText());
        assertEquals("ok", regions.get("us").get("status").asText());
        assertEquals("ok", regions.get("ap").get("status").asText());
        assertTrue(regions.get("eu").get("total").isNull());
        assertTrue(page.get("data").size() > 0);
        page.get("data").forEach(i -> assertFalse(i.at("/customer/region").asText().equals("eu")));
        long bound = deadline.toMillis() + 200;
        assertTrue(elapsedMs <= bound, "answered after " + elapsedMs + " ms; deadline + 200 ms = " + bound);
        assertTrue(regions.get("eu").get("took_ms").asLong() <= bound);
        // The totals are those of the regions that answered.
        assertEquals(regions.get("us").get("total").asLong() + regions.get("ap").get("total").asLong(),
                page.at("/metadata/total_data").asLong());
    }

    @Test
    void aRegionThatAnswers500YieldsAPartialAnswerAndIsRetriedOnce() {
        String subject = givenData();
        Stubs.region("ap").register(post(urlPathEqualTo("/regional/v1/investigations/query")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));

        JsonNode page = page(subject);

        assertTrue(page.at("/metadata/partial").asBoolean());
        Map<String, JsonNode> regions = regions(page);
        assertEquals("error", regions.get("ap").get("status").asText());
        assertEquals(0, regions.get("ap").get("items").asInt());
        assertEquals("ok", regions.get("us").get("status").asText());
        assertTrue(page.get("data").size() > 0);
        page.get("data").forEach(i -> assertFalse(i.at("/customer/region").asText().equals("ap")));
        assertEquals(2, Stubs.region("ap").find(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/query")))
                .size(), "a read is retried once");
    }

    @Test
    void theBreakerOpensForAFailingRegionAndClosesAfterASuccessfulProbe() throws Exception {
        String subject = givenData();
        Stubs.region("eu").register(post(urlPathEqualTo("/regional/v1/investigations/query")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        // Threshold 4 calls at ratio 0.5 (test configuration); each list makes two attempts (one retry).
        page(subject);
        page(subject);
        assertEquals(CircuitBreakerState.OPEN, maintenance.currentState("region-eu"));
        int callsBefore = Stubs.region("eu").find(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/query"))).size();

        JsonNode cutOff = page(subject);
        assertEquals("circuit_open", regions(cutOff).get("eu").get("status").asText());
        assertTrue(cutOff.at("/metadata/partial").asBoolean());
        assertEquals(callsBefore, Stubs.region("eu").find(postRequestedFor(urlPathEqualTo(
                "/regional/v1/investigations/query"))).size(), "an open breaker must not call the region");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("mci_region_circuit_state{region=\"eu\"} 2.0"));

        // The region recovers; after the breaker's delay one probe goes through and closes it.
        Stubs.region("eu").resetMappings();
        Fixtures.stubQueries(Fixtures.dataSet(21, 3));
        Thread.sleep(1_200);
        JsonNode recovered = page(subject);
        assertEquals("ok", regions(recovered).get("eu").get("status").asText());
        assertFalse(recovered.at("/metadata/partial").asBoolean());
        assertEquals(CircuitBreakerState.CLOSED, maintenance.currentState("region-eu"));
    }

    @Test
    void aSingleInvestigationInATimedOutRegionIs504WithTheErrorBody() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "ABCDEFGHIJ12");
        Stubs.region("eu").register(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));

        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + rrn)
                .then().statusCode(504)
                .body("code", equalTo("REGION_TIMEOUT"))
                .body("status", equalTo(504))
                .body("message", equalTo("The customer's region did not answer in time."))
                .body("correlation_id", org.hamcrest.Matchers.notNullValue());
    }

    private static String givenData() {
        Fixtures.stubQueries(Fixtures.dataSet(17, 3));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        return subject;
    }

    private static JsonNode page(String subject) {
        return Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject)).get(LIST)
                .then().statusCode(200).extract().as(Map.class));
    }

    private static Map<String, JsonNode> regions(JsonNode page) {
        Map<String, JsonNode> byId = new HashMap<>();
        page.at("/metadata/regions").forEach(r -> byId.put(r.get("region").asText(), r));
        assertEquals(List.of("ap", "eu", "us"), byId.keySet().stream().sorted().toList());
        return byId;
    }
}
