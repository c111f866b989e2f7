package io.mci.aggregator.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;

/** Health, CORS, caching headers, OpenAPI, metrics and tracing: what operators and front ends rely on. */
@QuarkusTest
class PlatformTest extends AggregatorTest {

    @Test
    void readyWhenTheEntitlementServiceAnswersWhateverTheRegions() {
        Stubs.entitlement().register(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\"}")));
        Stubs.region("us").register(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\":\"UP\"}")));
        Stubs.region("ap").register(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().get("/q/health/ready").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'regions' }.data.us", containsString("UP"))
                .body("checks.find { it.name == 'regions' }.data.ap", containsString("DOWN"))
                .body("checks.find { it.name == 'regions' }.data.eu", containsString("circuit CLOSED"));

        Stubs.entitlement().resetMappings();
        Stubs.entitlement().register(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'entitlement-service' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void corsIsOpenOnlyToTheConfiguredFrontEndOrigins() {
        given().header("Origin", "https://console.example.com").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,x-customer-id")
                .options("/idr/v2/investigations").then()
                .header("Access-Control-Allow-Origin", equalTo("https://console.example.com"));
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options("/idr/v2/investigations").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void openApiAndMetricsNeedNoTokenAndEveryAnswerIsNoStore() {
        given().get("/q/openapi?format=json").then().statusCode(200).header("Cache-Control", "no-store")
                .body("paths", org.hamcrest.Matchers.hasKey("/idr/v2/investigations/_search"))
                .body("paths", org.hamcrest.Matchers.hasKey("/idr/v1/comments/{rrn}/{visibility}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/mci/v1/bulk-actions"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/no/such/path").then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void oneTraceSpansTheWholeFanOutAndCallsAreMeasuredPerRegion() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Fixtures.stubQueries(Fixtures.dataSet(2, 2));
        given().auth().oauth2(Fixtures.token(subject)).header("X-Correlation-Id", "trace-me-1")
                .get("/idr/v2/investigations?multi-customer=true&start_time=2024-04-01T00:00:00Z")
                .then().statusCode(200).header("X-Correlation-Id", "trace-me-1");

        Set<String> traces = new HashSet<>();
        var decisionCall = Stubs.entitlement().find(getRequestedFor(anyUrl())).get(0);
        traces.add(traceId(decisionCall.getHeader("traceparent")));
        assertEquals("trace-me-1", decisionCall.getHeader("X-Correlation-Id"));
        for (String region : new String[] { "us", "eu", "ap" }) {
            var call = Stubs.region(region).find(postRequestedFor(anyUrl())).get(0);
            traces.add(traceId(call.getHeader("traceparent")));
            assertEquals("trace-me-1", call.getHeader("X-Correlation-Id"));
        }
        assertEquals(1, traces.size(), "the entitlement call and the three region calls belong to one trace");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mci_region_requests_seconds_count{operation=\"query\",outcome=\"ok\",region=\"eu\"}"))
                .body(containsString("mci_region_circuit_state{region=\"ap\"}"));
    }

    private static String traceId(String traceparent) {
        assertNotNull(traceparent, "no W3C trace context was propagated");
        return traceparent.split("-")[1];
    }
}
