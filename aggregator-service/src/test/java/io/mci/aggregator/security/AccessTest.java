package io.mci.aggregator.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Authentication, input strictness and enforcement: who may see and do what, and how refusals read. */
@QuarkusTest
class AccessTest extends AggregatorTest {

    @Test
    void rejectsUnknownQueryParameterNamingTheAcceptedOnes() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations?status=OPEN")
                .then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARAMETER"))
                .body("message", containsString("'status'"))
                .body("accepted", hasItem("statuses"))
                .body("accepted", hasItem("organization_ids"))
                .body("correlation_id", notNullValue());
        assertEquals(0, Stubs.region("us").find(anyRequestedFor(anyUrl())).size(), "bad input must ask no region");
    }

    @Test
    void rejectsUnknownBodyFieldNamingTheAcceptedOnes() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"search\": [], \"sorting\": []}")
                .post("/idr/v2/investigations/_search")
                .then().statusCode(400)
                .body("code", equalTo("UNKNOWN_FIELD"))
                .body("accepted", hasItem("sort"))
                .body("accepted", hasItem("start_time"));
    }

    @Test
    void rejectsBadValuesWithTheErrorBody() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String token = Fixtures.token(subject);
        given().auth().oauth2(token).get("/idr/v2/investigations?size=101").then().statusCode(400)
                .body("message", containsString("size")).body("status", equalTo(400));
        given().auth().oauth2(token).get("/idr/v2/investigations?priorities=LOW,URGENT").then().statusCode(400)
                .body("accepted", hasItem("CRITICAL"));
        given().auth().oauth2(token).get("/idr/v2/investigations?sort=title,ASC").then().statusCode(400)
                .body("accepted", hasItem("alerts_most_recent_created_time"));
        given().auth().oauth2(token).get("/idr/v2/investigations?start_time=yesterday").then().statusCode(400)
                .body("message", containsString("start_time"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"search\": [{\"field\": \"title\", \"operator\": \"EQUALS\", \"value\": \"x\"}]}")
                .post("/idr/v2/investigations/_search").then().statusCode(400)
                .body("accepted", hasItem("CONTAINS"));
    }

    @Test
    void acceptsLenientBooleansCommaListsAndAcceptVersion() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Fixtures.stubQueries(Fixtures.dataSet(1, 2));
        given().auth().oauth2(Fixtures.token(subject)).header("Accept-version", "investigations-preview")
                .get("/idr/v2/investigations?multi-customer=True&priorities=LOW, medium,HIGH&statuses=open")
                .then().statusCode(200).body("metadata.size", equalTo(20)).body("metadata.index", equalTo(0));
        var request = Stubs.region("eu").find(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/query"))).get(0);
        Stubs.region("eu").verifyThat(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/query"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.priorities[?(@ == 'MEDIUM')]")));
        assertNotEquals(null, request.getHeader("traceparent"), "the trace spans the fan-out");
    }

    @Test
    void anRrnOfANonEntitledCustomerIsAnswered404ExactlyLikeAMissingOne() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String missing = Fixtures.rrn("us", Fixtures.US_ANALYST, "MISSING00001");
        Stubs.region("us").register(get(urlPathEqualTo("/regional/v1/investigations/" + missing))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Investigation MISSING00001 does not exist for customer\","
                                + "\"correlation_id\":\"x\",\"status\":404,\"code\":\"NOT_FOUND\"}")));
        String foreign = Fixtures.rrn("ap", Fixtures.AP_EXCLUDED, "EXISTING0001");

        Map<?, ?> missingBody = given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + missing)
                .then().statusCode(404).extract().as(Map.class);
        Map<?, ?> foreignBody = given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + foreign)
                .then().statusCode(404).extract().as(Map.class);

        assertEquals(withoutCorrelation(missingBody), withoutCorrelation(foreignBody));
        assertEquals(Map.of("message", "Investigation not found.", "status", 404, "code", "NOT_FOUND"),
                withoutCorrelation(foreignBody));
        assertEquals(0, Stubs.region("ap").find(anyRequestedFor(anyUrl())).size(), "the region must never be asked");
        // The same for writes: no difference between "not yours" and "not there".
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON).body("{\"priority\": \"HIGH\"}")
                .patch("/idr/v2/investigations/" + foreign).then().statusCode(404)
                .body("message", equalTo("Investigation not found."));
        assertEquals(0, Stubs.region("ap").find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aViewersWriteIsForbidden() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("eu", Fixtures.EU_VIEWER, "VIEWED000001");
        given().auth().oauth2(Fixtures.token(subject)).put("/idr/v2/investigations/" + rrn + "/priority/high")
                .then().statusCode(403)
                .body("code", equalTo("INSUFFICIENT_ROLE"))
                .body("message", containsString("VIEWER"))
                .body("correlation_id", notNullValue());
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"target\": \"" + rrn + "\", \"body\": \"hello\"}")
                .post("/idr/v1/comments").then().statusCode(403).body("code", equalTo("INSUFFICIENT_ROLE"));
        assertEquals(0, Stubs.region("eu").find(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void multiCustomerWithThePreferenceOffIsForbiddenWithItsReason() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject, Fixtures.decision(subject, false, "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE"));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations?multi-customer=true")
                .then().statusCode(403)
                .body("code", equalTo("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE"))
                .body("status", equalTo(403))
                .body("correlation_id", notNullValue());
        // Another customer's context is refused with the reason it is excluded.
        given().auth().oauth2(Fixtures.token(subject)).header("X-Customer-Id", Fixtures.EU_ANALYST.toString())
                .get("/idr/v2/investigations")
                .then().statusCode(403).body("code", equalTo("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE"));
        for (String region : new String[] { "us", "eu", "ap" }) {
            assertEquals(0, Stubs.region(region).find(anyRequestedFor(anyUrl())).size());
        }
    }

    @Test
    void aCustomerContextOutsideThePartnerIsNotFoundAndAnExcludedOneSaysWhy() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        given().auth().oauth2(Fixtures.token(subject)).header("X-Customer-Id", Fixtures.AP_EXCLUDED.toString())
                .get("/idr/v2/investigations").then().statusCode(403).body("code", equalTo("NO_ACCESS_GRANT"));
        given().auth().oauth2(Fixtures.token(subject)).header("X-Customer-Id", java.util.UUID.randomUUID().toString())
                .get("/idr/v2/investigations").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&organization_ids=" + Fixtures.AP_EXCLUDED)
                .then().statusCode(403).body("code", equalTo("CUSTOMER_NOT_ENTITLED"));
    }

    @Test
    void anUnregisteredAnalystIsForbiddenWithTheEntitlementCode() {
        String subject = Fixtures.subject();
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/decision"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"not registered\",\"correlation_id\":\"c\",\"status\":403,"
                                + "\"code\":\"ANALYST_NOT_REGISTERED\"}")));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/me")
                .then().statusCode(403).body("code", equalTo("ANALYST_NOT_REGISTERED"));
    }

    @Test
    void requestsWithoutCredentialsOrWithTheWrongRoleAreRefused() {
        given().get("/idr/v2/investigations").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED")).header("Cache-Control", "no-store");
        given().auth().oauth2(io.mci.testing.TestTokens.user(Fixtures.subject(), "x@y.z", "mci-operator"))
                .get("/idr/v2/investigations").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(io.mci.testing.TestTokens.expired(Fixtures.subject(), "mci-analyst"))
                .get("/mci/v1/me").then().statusCode(401);
    }

    @Test
    void anApiKeyActsAsItsAnalystAndIsVerifiedOnceWhileRemembered() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String key = "key-" + java.util.UUID.randomUUID();
        Stubs.entitlement().register(post(urlEqualTo("/entitlement/v1/internal/api-keys/verify"))
                .withRequestBody(equalToJson("{\"key\": \"" + key + "\"}"))
                .willReturn(okJson("{\"key_id\": \"k1\", \"analyst\": {\"id\": \"" + Fixtures.ANALYST_ID
                        + "\", \"subject\": \"" + subject + "\", \"email\": \"" + Fixtures.EMAIL
                        + "\", \"name\": \"Ana\", \"partner_id\": \"p\"}}")));
        Stubs.entitlement().register(post(urlEqualTo("/entitlement/v1/internal/api-keys/verify")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"invalid\",\"correlation_id\":\"c\",\"status\":401,\"code\":\"INVALID_API_KEY\"}")));

        given().header("X-Api-Key", key).get("/mci/v1/me").then().statusCode(200)
                .body("analyst.subject", equalTo(subject))
                .body("authenticated_by", equalTo("api_key"));
        given().header("X-Api-Key", key).get("/mci/v1/me").then().statusCode(200);
        assertEquals(1, Stubs.entitlement().find(postRequestedFor(urlEqualTo("/entitlement/v1/internal/api-keys/verify")))
                .size(), "a verified key is remembered briefly");

        given().header("X-Api-Key", "wrong").get("/mci/v1/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void theEntitlementServiceDownMeansNothingIsServed() {
        String subject = Fixtures.subject();
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/decision"))
                .willReturn(aResponse().withStatus(503)));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations?multi-customer=true")
                .then().statusCode(503).body("code", equalTo("ENTITLEMENT_UNAVAILABLE"));
        for (String region : new String[] { "us", "eu", "ap" }) {
            assertEquals(0, Stubs.region(region).find(anyRequestedFor(anyUrl())).size());
        }
    }

    private static Map<Object, Object> withoutCorrelation(Map<?, ?> body) {
        Map<Object, Object> copy = new java.util.HashMap<>(body);
        assertEquals(true, copy.remove("correlation_id") != null);
        return copy;
    }
}
