package io.mci.entitlement.decision;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * The aggregator asks for the decision on every request with the ETag of the one it holds: 304 while nothing that
 * decides it has changed, a fresh decision (and a new ETag) as soon as anything has: a grant, a preference, a
 * licence, an association, the partner's status, or the clock passing a licence's expiry.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConditionalDecisionTest {

    private record World(Partner partner, UUID customer, UUID analyst, String subject) {
    }

    private static World world() {
        Partner partner = Fixtures.activePartner();
        UUID customer = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = Fixtures.unique("analyst");
        UUID analyst = Fixtures.analystOf(partner, subject);
        Fixtures.grant(partner, List.of(analyst), List.of(customer, partner.primaryId()), "ANALYST");
        return new World(partner, customer, analyst, subject);
    }

    private static Response decision(String subject, String ifNoneMatch) {
        var request = as(Fixtures.service());
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(BASE + "/internal/analysts/" + subject + "/decision");
    }

    /** The ETag of a fresh 200; asserts the held one no longer matches. */
    private static String changedSince(String subject, String held) {
        Response r = decision(subject, held);
        assertEquals(200, r.statusCode(), r.asString());
        String etag = r.header("ETag");
        assertNotNull(etag);
        assertNotEquals(held, etag);
        return etag;
    }

    private static boolean entitledTo(String subject, UUID customer) {
        List<String> ids = decision(subject, null).then().statusCode(200).extract().jsonPath().getList("entitled.id");
        return ids.contains(customer.toString());
    }

    @Test
    void answers304WithoutABodyWhileNothingChanged() {
        World w = world();
        Response first = decision(w.subject(), null);
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.matches("\"d\\d+-0\""), etag);

        Response again = decision(w.subject(), etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.asString());
        assertEquals(etag, again.header("ETag"));

        // Changes that decide nothing (an API key of another analyst, an audit row) leave it unchanged.
        as(Fixtures.analyst(w.subject())).body(Map.of("name", "SOAR")).post(BASE + "/me/api-keys").then().statusCode(201);
        assertEquals(304, decision(w.subject(), etag).statusCode());
    }

    @Test
    void aRevokedGrantIsSeenOnTheNextAsk() {
        World w = world();
        String etag = decision(w.subject(), null).header("ETag");
        as(w.partner().adminToken()).body(Map.of("analyst_ids", List.of(w.analyst().toString()),
                "customer_ids", List.of(w.customer().toString()))).post(BASE + "/partners/" + w.partner().id() + "/grants/revoke")
                .then().statusCode(200);
        String next = changedSince(w.subject(), etag);
        assertTrue(!entitledTo(w.subject(), w.customer()));
        assertEquals(304, decision(w.subject(), next).statusCode());
    }

    @Test
    void aPreferenceChangeIsSeenOnTheNextAsk() {
        World w = world();
        String etag = decision(w.subject(), null).header("ETag");
        as(Fixtures.analyst(w.subject())).body(Map.of("multi_customer_enabled", false)).put(BASE + "/me/preferences")
                .then().statusCode(200);
        changedSince(w.subject(), etag);
        assertEquals(false, decision(w.subject(), null).jsonPath().get("multi_customer.allowed"));
    }

    @Test
    void aLicenceOrAssociationChangeIsSeenOnTheNextAsk() {
        World w = world();
        String etag = decision(w.subject(), null).header("ETag");
        as(Fixtures.operator()).body(Map.of("status", "SUSPENDED")).put(BASE + "/operator/customers/" + w.customer() + "/license")
                .then().statusCode(200);
        etag = changedSince(w.subject(), etag);
        assertTrue(!entitledTo(w.subject(), w.customer()));

        as(Fixtures.operator()).body(Map.of("status", "ACTIVE")).put(BASE + "/operator/customers/" + w.customer() + "/license")
                .then().statusCode(200);
        etag = changedSince(w.subject(), etag);
        assertTrue(entitledTo(w.subject(), w.customer()));

        as(Fixtures.operator()).post(BASE + "/operator/customers/" + w.customer() + "/association/revoke").then().statusCode(200);
        etag = changedSince(w.subject(), etag);
        assertTrue(!entitledTo(w.subject(), w.customer()));

        as(Fixtures.operator()).body(Map.of("partner_status_enabled", false))
                .put(BASE + "/operator/partners/" + w.partner().id() + "/status").then().statusCode(200);
        changedSince(w.subject(), etag);
    }

    @Test
    void aLicenceThatExpiresIsSeenOnceItsExpiryHasPassedWithoutAnyWrite() throws InterruptedException {
        World w = world();
        Instant expires = Instant.now().plus(2, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        as(Fixtures.operator()).body(Map.of("status", "ACTIVE", "expires_at", expires.toString()))
                .put(BASE + "/operator/customers/" + w.customer() + "/license").then().statusCode(200);
        Response held = decision(w.subject(), null);
        String etag = held.header("ETag");
        assertTrue(etag.endsWith("-" + expires.toEpochMilli() + "\""), etag + " names the expiry " + expires.toEpochMilli());
        assertTrue(held.jsonPath().getList("entitled.id").contains(w.customer().toString()));
        assertEquals(304, decision(w.subject(), etag).statusCode());

        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 50);
        String next = changedSince(w.subject(), etag);
        assertTrue(!entitledTo(w.subject(), w.customer()), "the expired licence excludes the customer");
        assertTrue(next.endsWith("-0\""), next);
    }

    @Test
    void aTagThatIsNotOursGetsTheDecision() {
        World w = world();
        for (String junk : new String[] { "*", "\"abc\"", "\"d1\"", "\"d-1-0\"", "W/\"d99999999999999999999-0\"", "" }) {
            Response r = decision(w.subject(), junk);
            assertEquals(200, r.statusCode(), junk);
            assertTrue(r.jsonPath().getList("entitled").size() > 0, junk);
        }
    }

    @Test
    void anUnregisteredSubjectIsRefusedEvenWithACurrentTag() {
        World w = world();
        String current = decision(w.subject(), null).header("ETag");
        assertEquals(304, decision(w.subject(), current).statusCode());
        Response r = decision("nobody-" + UUID.randomUUID(), current);
        assertEquals(403, r.statusCode(), r.asString());
        assertEquals("ANALYST_NOT_REGISTERED", r.jsonPath().get("code"));
    }
}
