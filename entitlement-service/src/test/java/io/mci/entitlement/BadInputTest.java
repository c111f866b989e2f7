package io.mci.entitlement;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures.Partner;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;

/** Bad input is a 4xx with the error body, never a 500, never a class name or SQL, and writes nothing. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    private Partner partner;
    private UUID analyst;
    private UUID customer;
    private String before;

    @BeforeEach
    void scenario() {
        partner = Fixtures.activePartner();
        analyst = Fixtures.analystOf(partner, Fixtures.unique("a"));
        customer = Fixtures.managedCustomer(partner, "Acme", "eu");
        before = TestDb.snapshot();
    }

    private void assertNothingWritten() {
        assertEquals(before, TestDb.snapshot());
    }

    private static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400).body("status", equalTo(400)).body("correlation_id", notNullValue())
                .body("message", notNullValue()).body("message", not(containsString("Exception")))
                .body("message", not(containsString("io.mci"))).body("message", not(containsString("SELECT")));
    }

    @Test
    void operatorBodiesAreValidated() {
        String op = Fixtures.operator();
        String partners = BASE + "/operator/partners";
        badRequest(as(op).body("{\"name\": \"x\"").post(partners).then());
        badRequest(as(op).body(Map.of("name", "x", "licence", Map.of())).post(partners).then())
                .body("code", equalTo("UNKNOWN_FIELD")).body("accepted", hasItems("license", "primary_customer"));
        badRequest(as(op).body(Map.of("name", "x", "license", Map.of("status", "FOREVER"), "partner_status_enabled", true,
                "primary_customer", Map.of("name", "p", "region", "us"))).post(partners).then())
                .body("code", equalTo("INVALID_VALUE")).body("accepted", hasItems("ACTIVE", "SUSPENDED", "EXPIRED"));
        badRequest(as(op).body(Map.of("name", " ", "license", Map.of("status", "ACTIVE"), "partner_status_enabled", true,
                "primary_customer", Map.of("name", "p", "region", "us"))).post(partners).then())
                .body("message", containsString("name"));
        badRequest(as(op).body(Map.of("name", "x", "license", Map.of("status", "ACTIVE"), "partner_status_enabled", true,
                "primary_customer", Map.of("name", "p", "region", "moon"))).post(partners).then())
                .body("accepted", hasItems("us", "eu", "ap"));
        badRequest(as(op).body(Map.of("name", "x", "license", Map.of("status", "ACTIVE"),
                "primary_customer", Map.of("name", "p", "region", "us"))).post(partners).then())
                .body("message", containsString("partner_status_enabled"));
        badRequest(as(op).body(Map.of("name", "x", "license", Map.of("status", "ACTIVE", "expires_at", "tomorrow"),
                "partner_status_enabled", true, "primary_customer", Map.of("name", "p", "region", "us")))
                .post(partners).then());
        badRequest(as(op).body(Map.of("id", "not-a-uuid", "name", "x", "region", "us", "license", Map.of("status", "ACTIVE")))
                .post(BASE + "/operator/customers").then());
        badRequest(as(op).body(Map.of("name", "x".repeat(201), "region", "us", "license", Map.of("status", "ACTIVE")))
                .post(BASE + "/operator/customers").then()).body("message", containsString("at most 200"));
        badRequest(as(op).post(BASE + "/operator/customers/" + customer + "/association").then());
        badRequest(as(op).body(Map.of("subject", "s", "email", "not-an-email"))
                .post(BASE + "/operator/customers/" + customer + "/administrators").then())
                .body("message", containsString("email"));
        badRequest(as(op).body(Map.of("status", "ACTIVE")).put(BASE + "/operator/partners/123/license").then())
                .body("message", containsString("partner_id"));
        assertNothingWritten();
    }

    @Test
    void grantBodiesAreValidated() {
        String url = BASE + "/partners/" + partner.id() + "/grants";
        String admin = partner.adminToken();
        badRequest(as(admin).body(Map.of("analyst_ids", List.of(), "customer_ids", List.of(customer.toString()),
                "role", "ANALYST")).post(url).then()).body("message", containsString("analyst_ids"));
        badRequest(as(admin).body(Map.of("analyst_ids", List.of(analyst.toString()), "role", "ANALYST")).post(url).then())
                .body("message", containsString("customer_ids"));
        badRequest(as(admin).body(Map.of("analyst_ids", List.of(analyst.toString()), "customer_ids",
                List.of(customer.toString()), "role", "OWNER")).post(url).then())
                .body("accepted", hasItems("VIEWER", "ANALYST", "ADMINISTRATOR"));
        badRequest(as(admin).body(Map.of("analyst_ids", List.of("nope"), "customer_ids", List.of(customer.toString())))
                .post(url).then());
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("analyst_ids", Collections.singletonList(null));
        withNull.put("customer_ids", List.of(customer.toString()));
        badRequest(as(admin).body(withNull).post(url).then());
        List<String> tooMany = java.util.stream.IntStream.range(0, 10_001).mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        badRequest(as(admin).body(Map.of("analyst_ids", List.of(analyst.toString()), "customer_ids", tooMany)).post(url)
                .then()).body("message", containsString("at most 10000"));
        badRequest(as(admin).body(Map.of("analyst_ids", List.of(analyst.toString()), "customer_ids",
                List.of(customer.toString()), "role", "ANALYST")).post(url + "/revoke").then())
                .body("code", equalTo("UNKNOWN_FIELD"));
        badRequest(as(admin).get(BASE + "/partners/" + partner.id() + "/analysts/xyz/grants").then());
        assertNothingWritten();
    }

    @Test
    void analystBodiesAreValidated() {
        String subject = TestDb.text("SELECT subject FROM analyst WHERE id = ?", analyst);
        String token = Fixtures.analyst(subject);
        badRequest(as(token).body(Map.of()).put(BASE + "/me/preferences").then())
                .body("message", containsString("multi_customer_enabled"));
        badRequest(as(token).body(Map.of("multi_customer_enabled", "perhaps")).put(BASE + "/me/preferences").then());
        badRequest(as(token).body(Map.of("multi_customer_enabled", true, "theme", "dark")).put(BASE + "/me/preferences")
                .then()).body("code", equalTo("UNKNOWN_FIELD"));
        badRequest(as(token).body(Map.of()).post(BASE + "/me/api-keys").then()).body("message", containsString("name"));
        badRequest(as(token).delete(BASE + "/me/api-keys/123").then());
        badRequest(as(partner.adminToken()).body(Map.of("subject", "s", "email", "e@x.test"))
                .post(BASE + "/partners/" + partner.id() + "/analysts").then()).body("message", containsString("name"));
        badRequest(as(Fixtures.service()).body(Map.of()).post(BASE + "/internal/api-keys/verify").then())
                .body("message", containsString("key"));
        assertNothingWritten();
    }

    @Test
    void wrongContentTypeAndMethodAreClientErrors() {
        as(Fixtures.operator()).contentType("text/plain").body("hello").post(BASE + "/operator/customers").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")).body("correlation_id", notNullValue());
        as(Fixtures.operator()).delete(BASE + "/operator/partners").then().statusCode(405)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        assertNothingWritten();
    }
}
