package io.mci.aggregator.investigation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Single-investigation reads and writes, comments and alerts: what reaches the region and what comes back. */
@QuarkusTest
class WritesTest extends AggregatorTest {

    private static final String JSON = "application/json";

    @Test
    void patchGoesToTheRrnsRegionWithTheActorAndIfMatchAndReturnsTheNewVersion() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "PATCHED00001");
        Stubs.region("eu").register(patch(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withHeader("ETag", "\"8\"")
                        .withBody(Fixtures.itemJson("eu", Fixtures.EU_ANALYST, "PATCHED00001", "HIGH", "INVESTIGATING", 8))));

        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"status\": \"investigating\", \"priority\": \"High\"}")
                .patch("/idr/v2/investigations/" + rrn + "?multi-customer=true")
                .then().statusCode(200)
                .header("ETag", "\"8\"")
                .body("version", org.hamcrest.Matchers.equalTo(8))
                .body("created_time", org.hamcrest.Matchers.equalTo("2024-03-01T10:00:00.000Z"))
                .body("customer.name", org.hamcrest.Matchers.equalTo("Cobalt GmbH"))
                .body("customer.region", org.hamcrest.Matchers.equalTo("eu"));

        Stubs.region("eu").verifyThat(patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .withHeader("If-Match", equalTo("\"7\""))
                .withHeader("X-Actor-Id", equalTo(Fixtures.ANALYST_ID))
                .withHeader("X-Actor-Email", equalTo(Fixtures.EMAIL))
                .withHeader("X-Actor-Name", equalTo("Ana Lyst"))
                .withHeader("X-Entry-Point", equalTo("v2 PATCH /idr/v2/investigations/{id}"))
                .withQueryParam("customer_id", equalTo(Fixtures.EU_ANALYST.toString()))
                .withRequestBody(equalToJson("{\"status\": \"INVESTIGATING\", \"priority\": \"HIGH\"}")));
    }

    @Test
    void aStaleVersionPassesBackAs412WithTheErrorBody() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("us", Fixtures.US_ANALYST, "STALE0000001");
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", JSON)
                        .withBody("{\"message\":\"stale\",\"correlation_id\":\"c\",\"status\":412,\"code\":\"STALE_VERSION\"}")));
        given().auth().oauth2(Fixtures.token(subject)).header("If-Match", "\"1\"")
                .put("/idr/v2/investigations/" + rrn + "/disposition/benign")
                .then().statusCode(412)
                .body("code", org.hamcrest.Matchers.equalTo("STALE_VERSION"))
                .body("status", org.hamcrest.Matchers.equalTo(412))
                .body("correlation_id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void assigningValidatesTheEmailAndSendsTheAssigneesName() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Fixtures.stubAssignableUsers(subject, Fixtures.US_PRIMARY, "bob@acme.example", "Bob Builder");
        Stubs.region("us").register(patch(urlPathEqualTo("/regional/v1/investigations/ASSIGN000001"))
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody(Fixtures.itemJson("us", Fixtures.US_PRIMARY, "ASSIGN000001", "LOW", "OPEN", 2))));

        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"user_email_address\": \"BOB@acme.example\"}")
                .put("/idr/v2/investigations/assign000001/assignee").then().statusCode(200);
        Stubs.region("us").verifyThat(patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/ASSIGN000001"))
                .withQueryParam("customer_id", equalTo(Fixtures.US_PRIMARY.toString()))
                .withRequestBody(equalToJson("{\"assignee\": {\"email\": \"bob@acme.example\", \"name\": \"Bob Builder\"}}",
                        false, true))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.assignee.id")));

        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"user_email_address\": \"mallory@evil.example\"}")
                .put("/idr/v2/investigations/ASSIGN000001/assignee").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("UNKNOWN_ASSIGNEE"));
        assertEquals(1, Stubs.region("us").find(patchRequestedFor(urlPathEqualTo(
                "/regional/v1/investigations/ASSIGN000001"))).size(), "an unknown assignee changes nothing");

        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"assignee\": {\"email\": null}}")
                .patch("/idr/v2/investigations/ASSIGN000001").then().statusCode(200);
        Stubs.region("us").verifyThat(patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/ASSIGN000001"))
                .withRequestBody(equalToJson("{\"assignee\": {\"email\": null}}")));
    }

    @Test
    void closingCarriesTheDispositionAndThreatCommandFieldsAreRefused() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("ap", Fixtures.AP_ANALYST, "CLOSE0000001");
        Stubs.region("ap").register(patch(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody(Fixtures.itemJson("ap", Fixtures.AP_ANALYST, "CLOSE0000001", "LOW", "CLOSED", 3))));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON).body("{\"disposition\": \"benign\"}")
                .put("/idr/v2/investigations/" + rrn + "/status/closed").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
        Stubs.region("ap").verifyThat(patchRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .withRequestBody(equalToJson("{\"status\": \"CLOSED\", \"disposition\": \"BENIGN\"}")));
        // No body at all is fine for a status change.
        given().auth().oauth2(Fixtures.token(subject)).put("/idr/v2/investigations/" + rrn + "/status/OPEN")
                .then().statusCode(200);

        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"threat_command_close_reason\": \"Other\"}")
                .put("/idr/v2/investigations/" + rrn + "/status/closed").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("UNSUPPORTED_FIELD"));
        given().auth().oauth2(Fixtures.token(subject)).put("/idr/v2/investigations/" + rrn + "/status/archived")
                .then().statusCode(400).body("accepted", org.hamcrest.Matchers.hasItem("WAITING"));
    }

    @Test
    void aShortIdIsResolvedInTheSingleCustomerContextAndMultiCustomerNeedsAnRrn() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Stubs.region("eu").register(get(urlPathEqualTo("/regional/v1/investigations/SHORT0000001"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withHeader("ETag", "\"1\"")
                        .withBody(Fixtures.itemJson("eu", Fixtures.EU_VIEWER, "SHORT0000001", "LOW", "OPEN", 1))));
        given().auth().oauth2(Fixtures.token(subject)).header("X-Customer-Id", Fixtures.EU_VIEWER.toString())
                .get("/idr/v2/investigations/SHORT0000001").then().statusCode(200).header("ETag", "\"1\"")
                .header("Cache-Control", "no-store")
                .body("customer.id", org.hamcrest.Matchers.equalTo(Fixtures.EU_VIEWER.toString()));
        Stubs.region("eu").verifyThat(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/regional/v1/investigations/SHORT0000001"))
                .withQueryParam("customer_id", equalTo(Fixtures.EU_VIEWER.toString())));

        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/SHORT0000001?multi-customer=true")
                .then().statusCode(400).body("message", containsString("RRN"));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/rrn:investigation:us:nope")
                .then().statusCode(400).body("message", containsString("Malformed RRN"));
    }

    @Test
    void createAndBulkCloseWorkInTheSingleCustomerContext() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Stubs.region("us").register(post(urlPathEqualTo("/regional/v1/investigations"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON)
                        .withBody(Fixtures.itemJson("us", Fixtures.US_ANALYST, "CREATED00001", "HIGH", "OPEN", 1))));
        given().auth().oauth2(Fixtures.token(subject)).header("X-Customer-Id", Fixtures.US_ANALYST.toString())
                .contentType(ContentType.JSON).body("{\"title\": \"Phish\", \"priority\": \"high\"}")
                .post("/idr/v2/investigations").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo("CREATED00001"));
        Stubs.region("us").verifyThat(postRequestedFor(urlPathEqualTo("/regional/v1/investigations"))
                .withRequestBody(equalToJson("{\"organization_id\": \"" + Fixtures.US_ANALYST
                        + "\", \"title\": \"Phish\", \"priority\": \"HIGH\", \"source\": \"MANUAL\"}")));

        Stubs.region("us").register(post(urlPathEqualTo("/regional/v1/investigations/bulk-close"))
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody("{\"ids\": [\"A00000000001\"], \"rrns\": [\"" + Fixtures.rrn("us", Fixtures.US_PRIMARY,
                                "A00000000001") + "\"], \"num_closed\": 1}")));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"source\": \"MANUAL\", \"from\": \"2024-01-01T00:00:00Z\", \"to\": \"2024-02-01T00:00:00Z\"}")
                .post("/idr/v2/investigations/bulk_close").then().statusCode(200)
                .body("num_closed", org.hamcrest.Matchers.equalTo(1)).body("ids", hasSize(1));
        Stubs.region("us").verifyThat(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/bulk-close"))
                .withRequestBody(equalToJson("{\"customer_ids\": [\"" + Fixtures.US_PRIMARY + "\"], \"source\": \"MANUAL\","
                        + "\"from\": \"2024-01-01T00:00:00.000Z\", \"to\": \"2024-02-01T00:00:00.000Z\","
                        + "\"disposition\": \"NOT_APPLICABLE\"}")));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"source\": \"ALERT\", \"from\": \"2024-01-01T00:00:00Z\", \"to\": \"2024-02-01T00:00:00Z\"}")
                .post("/idr/v2/investigations/bulk_close").then().statusCode(400)
                .body("message", containsString("alert_type"));
        Stubs.region("us").register(post(urlPathEqualTo("/regional/v1/investigations/bulk-close")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON).withBody("{\"message\":"
                        + "\"3 investigations match, more than max_investigations_to_close (1)\",\"correlation_id\":\"c\","
                        + "\"status\":400,\"code\":\"TOO_MANY_TO_CLOSE\"}")));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"source\": \"HUNT\", \"from\": \"2024-01-01T00:00:00Z\", \"to\": \"2024-02-01T00:00:00Z\","
                        + " \"max_investigations_to_close\": 1}")
                .post("/idr/v2/investigations/bulk_close").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("TOO_MANY_TO_CLOSE"))
                .body("message", containsString("max_investigations_to_close"));
    }

    @Test
    void alertsArePagedAndUnlinkedInTheInvestigationsRegion() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String rrn = Fixtures.rrn("ap", Fixtures.AP_ANALYST, "ALERTS000001");
        Stubs.region("ap").register(get(urlPathEqualTo("/regional/v1/investigations/" + rrn + "/alerts"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"items\": [{\"rrn\": \"rrn:alerts:ap:"
                        + Fixtures.AP_ANALYST + ":alert:AL1\", \"id\": \"AL1\", \"title\": \"t\", \"alert_type\": \"x\","
                        + "\"alert_type_description\": \"d\", \"created_time\": \"2024-05-01T00:00:00.000Z\","
                        + "\"first_event_time\": null, \"latest_event_time\": null, \"alert_source\": \"UBA\","
                        + "\"detection_rule_rrn\": null}], \"total\": 41}")));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + rrn + "/alerts?index=2&size=5")
                .then().statusCode(200)
                .body("data", hasSize(1)).body("metadata.total_data", org.hamcrest.Matchers.equalTo(41))
                .body("metadata.total_pages", org.hamcrest.Matchers.equalTo(9))
                .body("metadata.index", org.hamcrest.Matchers.equalTo(2));
        Stubs.region("ap").verifyThat(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/regional/v1/investigations/" + rrn + "/alerts"))
                .withQueryParam("offset", equalTo("10")).withQueryParam("limit", equalTo("5")));

        String alert = "rrn:alerts:ap:" + Fixtures.AP_ANALYST + ":alert:AL1";
        Stubs.region("ap").register(delete(urlPathEqualTo("/regional/v1/investigations/" + rrn + "/alerts/" + alert))
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody(Fixtures.itemJson("ap", Fixtures.AP_ANALYST, "ALERTS000001", "LOW", "OPEN", 5))));
        given().auth().oauth2(Fixtures.token(subject)).delete("/idr/v2/investigations/" + rrn + "/alerts/" + alert)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(5));
        Stubs.region("ap").verifyThat(deleteRequestedFor(urlPathEqualTo("/regional/v1/investigations/" + rrn
                + "/alerts/" + alert)).withHeader("X-Actor-Email", equalTo(Fixtures.EMAIL)));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + rrn + "/rapid7-product-alerts")
                .then().statusCode(404); // the region has no such investigation stubbed: 404 like any other
        Stubs.region("ap").register(get(urlPathEqualTo("/regional/v1/investigations/" + rrn))
                .willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody(Fixtures.itemJson("ap", Fixtures.AP_ANALYST, "ALERTS000001", "LOW", "OPEN", 5))));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations/" + rrn + "/rapid7-product-alerts")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void commentsLiveInTheirInvestigationsRegion() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String target = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "COMMENTED001");
        String commentRrn = "rrn:investigation:eu:" + Fixtures.EU_ANALYST + ":comment:C00000000001";
        String comment = "{\"rrn\": \"" + commentRrn + "\", \"target\": \"" + target + "\", \"creator\": {\"type\": \"USER\","
                + " \"name\": \"Ana Lyst\"}, \"body\": \"hello\", \"visibility\": \"PUBLIC\","
                + " \"created_time\": \"2024-05-01T00:00:00.000Z\", \"attachments\": []}";
        Stubs.region("eu").register(get(urlPathEqualTo("/regional/v1/comments"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody("{\"items\": [" + comment + "], \"total\": 1}")));
        Stubs.region("eu").register(post(urlPathEqualTo("/regional/v1/comments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON).withBody(comment)));
        Stubs.region("eu").register(put(urlPathEqualTo("/regional/v1/comments/" + commentRrn + "/visibility/INTERNAL"))
                .willReturn(aResponse().withHeader("Content-Type", JSON).withBody(comment.replace("PUBLIC", "INTERNAL"))));
        Stubs.region("eu").register(delete(urlPathEqualTo("/regional/v1/comments/" + commentRrn))
                .willReturn(aResponse().withStatus(204)));

        given().auth().oauth2(Fixtures.token(subject)).header("Accept-version", "comments-preview")
                .get("/idr/v1/comments?target=" + target + "&size=10").then().statusCode(200)
                .body("data[0].body", org.hamcrest.Matchers.equalTo("hello"))
                .body("metadata.total_data", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"target\": \"" + target + "\", \"body\": \"hello\", \"attachments\": []}")
                .post("/idr/v1/comments").then().statusCode(200).body("rrn", org.hamcrest.Matchers.equalTo(commentRrn));
        Stubs.region("eu").verifyThat(postRequestedFor(urlPathEqualTo("/regional/v1/comments"))
                .withHeader("X-Actor-Name", equalTo("Ana Lyst"))
                .withRequestBody(equalToJson("{\"target\": \"" + target + "\", \"body\": \"hello\", \"attachments\": []}")));
        given().auth().oauth2(Fixtures.token(subject)).put("/idr/v1/comments/" + commentRrn + "/internal")
                .then().statusCode(200).body("visibility", org.hamcrest.Matchers.equalTo("INTERNAL"));
        given().auth().oauth2(Fixtures.token(subject)).delete("/idr/v1/comments/" + commentRrn).then().statusCode(204);
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"target\": \"" + target + "\", \"body\": \"x\", \"attachments\": [\"rrn:collaboration::o:attachment:a\"]}")
                .post("/idr/v1/comments").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("ATTACHMENTS_NOT_SUPPORTED"));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v1/comments?target="
                + Fixtures.rrn("ap", Fixtures.AP_EXCLUDED, "COMMENTED001"))
                .then().statusCode(404).body("message", org.hamcrest.Matchers.equalTo("Investigation not found."));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v1/comments?target=" + target + "&page=2")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("UNKNOWN_PARAMETER"));
    }
}
