package io.mci.aggregator.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The /mci/v1 views: me, preference, Customer Table, the Customers view, a customer's context, assignable users. */
@QuarkusTest
class CustomersViewTest extends AggregatorTest {

    @Test
    void theCustomersViewPutsTheCustomerNeedingAttentionFirstAndSaysWhyOthersAreExcluded() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        counts("us", "{\"counts\": ["
                + cell(Fixtures.US_PRIMARY, "HIGH", "OPEN", 2) + "," + cell(Fixtures.US_PRIMARY, "CRITICAL", "CLOSED", 9) + ","
                + cell(Fixtures.US_ANALYST, "CRITICAL", "INVESTIGATING", 1) + "," + cell(Fixtures.US_ANALYST, "LOW", "OPEN", 5)
                + "]}");
        counts("eu", "{\"counts\": [" + cell(Fixtures.EU_ANALYST, "CRITICAL", "OPEN", 1) + ","
                + cell(Fixtures.EU_ANALYST, "HIGH", "WAITING", 3) + "," + cell(Fixtures.EU_VIEWER, "UNSPECIFIED", "OPEN", 4) + "]}");
        counts("ap", "{\"counts\": [" + cell(Fixtures.AP_ANALYST, "HIGH", "OPEN", 2) + ","
                + cell(Fixtures.AP_ANALYST, "MEDIUM", "OPEN", 1) + "]}");

        JsonNode view = Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject))
                .get("/mci/v1/customers").then().statusCode(200).extract().as(Map.class));

        List<String> order = new ArrayList<>();
        view.get("customers").forEach(c -> order.add(c.get("name").asText()));
        // Cobalt: 1 critical, 3 high; Bolt: 1 critical, 0 high; Echo: 2 high, 1 medium; Acme: 2 high (closed critical
        // does not count); Delta: only unspecified.
        assertEquals(List.of("Cobalt GmbH", "Bolt Corp", "Echo KK", "Acme Primary", "Delta SA"), order);
        JsonNode cobalt = view.at("/customers/0");
        assertEquals(1, cobalt.at("/open_investigations/critical").asInt());
        assertEquals(3, cobalt.at("/open_investigations/high").asInt());
        assertEquals(4, cobalt.at("/open_investigations/total").asInt());
        assertEquals(4, view.at("/customers/4/open_investigations/unspecified").asInt());
        assertEquals("NO_ACCESS_GRANT", view.at("/excluded/0/reason").asText());
        assertFalse(view.at("/metadata/partial").asBoolean());
        Stubs.region("ap").verifyThat(postRequestedFor(urlPathEqualTo("/regional/v1/investigations/counts"))
                .withRequestBody(equalToJson("{\"customer_ids\": [\"" + Fixtures.AP_ANALYST + "\"]}")));
    }

    @Test
    void aRegionDownLeavesItsCustomersWithoutCountsAndThePageStillAnswers() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        counts("us", "{\"counts\": []}");
        counts("ap", "{\"counts\": []}");
        Stubs.region("eu").register(post(urlPathEqualTo("/regional/v1/investigations/counts"))
                .willReturn(aResponse().withStatus(500)));
        JsonNode view = Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject))
                .get("/mci/v1/customers").then().statusCode(200).extract().as(Map.class));
        assertTrue(view.at("/metadata/partial").asBoolean());
        view.get("customers").forEach(c -> assertEquals(!c.get("region").asText().equals("eu"),
                c.get("counts_available").asBoolean()));
    }

    @Test
    void meShowsTheDecisionAndThePreferenceCanBeToggled() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject, Fixtures.decision(subject, false, "PARTNER_LICENSE_INACTIVE"));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/me").then().statusCode(200)
                .body("analyst.email", equalTo(Fixtures.EMAIL))
                .body("multi_customer.allowed", equalTo(false))
                .body("multi_customer.denied_reason", equalTo("PARTNER_LICENSE_INACTIVE"))
                .body("primary_customer.id", equalTo(Fixtures.US_PRIMARY.toString()))
                .body("authenticated_by", equalTo("bearer"));

        Stubs.entitlement().register(put(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/preferences"))
                .willReturn(okJson("{\"multi_customer_enabled\": false}")));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"multi_customer_enabled\": false}").put("/mci/v1/me/preferences")
                .then().statusCode(200).body("multi_customer_enabled", equalTo(false));
        Stubs.entitlement().verifyThat(putRequestedFor(urlEqualTo("/entitlement/v1/internal/analysts/" + subject
                + "/preferences")).withRequestBody(equalToJson("{\"multi_customer_enabled\": false}")));
        given().auth().oauth2(Fixtures.token(subject)).contentType(ContentType.JSON)
                .body("{\"multi_customer\": false}").put("/mci/v1/me/preferences")
                .then().statusCode(400).body("accepted", hasItem("multi_customer_enabled"));
    }

    @Test
    void theCustomerTablePassesThroughWithThePrimaryPinnedFirst() {
        String subject = Fixtures.subject();
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/customer-table"))
                .willReturn(okJson("{\"primary\": {\"id\": \"" + Fixtures.US_PRIMARY + "\", \"name\": \"Acme Primary\","
                        + "\"region\": \"us\", \"license_status\": \"ACTIVE\", \"license_expires_at\": null,"
                        + "\"association_state\": null}, \"customers\": [{\"id\": \"" + Fixtures.US_ANALYST + "\","
                        + "\"name\": \"Bolt Corp\", \"region\": \"us\", \"license_status\": \"ACTIVE\","
                        + "\"license_expires_at\": null, \"association_state\": \"APPROVED\"}]}")));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customer-table").then().statusCode(200)
                .body("primary.name", equalTo("Acme Primary"))
                .body("customers[0].association_state", equalTo("APPROVED"));
    }

    @Test
    void aCustomersContextSaysWhatTheAnalystMayDoThere() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/" + Fixtures.EU_VIEWER + "/context")
                .then().statusCode(200)
                .body("customer.region", equalTo("eu")).body("role", equalTo("VIEWER"))
                .body("can_write", equalTo(false))
                .body("allowed_actions", hasItem("view_investigations"))
                .body("allowed_actions", not(hasItem("set_status")));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/" + Fixtures.US_ANALYST + "/context")
                .then().statusCode(200).body("allowed_actions", hasItem("bulk_close"));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/" + Fixtures.AP_EXCLUDED + "/context")
                .then().statusCode(403).body("code", equalTo("NO_ACCESS_GRANT"));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/not-a-uuid/context")
                .then().statusCode(400);
    }

    @Test
    void assignableUsersComeFromTheEntitlementServiceAndANonEntitledCustomerIsNotFound() {
        String subject = Fixtures.subject();
        Fixtures.stubAssignableUsers(subject, Fixtures.US_ANALYST, "bob@bolt.example", "Bob");
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/customers/"
                + Fixtures.AP_EXCLUDED + "/assignable-users")).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/" + Fixtures.US_ANALYST + "/assignable-users")
                .then().statusCode(200).body("users[0].email", equalTo("bob@bolt.example"));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/customers/" + Fixtures.AP_EXCLUDED + "/assignable-users")
                .then().statusCode(404).body("message", equalTo("Customer not found."));
    }

    private static void counts(String region, String body) {
        Stubs.region(region).register(post(urlPathEqualTo("/regional/v1/investigations/counts")).willReturn(okJson(body)));
    }

    private static String cell(java.util.UUID customer, String priority, String status, int count) {
        return "{\"customer_id\": \"" + customer + "\", \"priority\": \"" + priority + "\", \"status\": \"" + status
                + "\", \"count\": " + count + "}";
    }
}
