package io.mci.entitlement.decision;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.path.json.JsonPath;

/** The decision endpoint against the real database: one case per exclusion reason, and the shape. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DecisionEndpointTest {

    /** A registered analyst of the partner with a role on the primary and on every given customer. */
    private static String analystGranted(Partner partner, String role, UUID... customers) {
        String subject = Fixtures.unique("analyst");
        UUID analyst = Fixtures.analystOf(partner, subject);
        var all = new java.util.ArrayList<UUID>(List.of(customers));
        all.add(partner.primaryId());
        Fixtures.grant(partner, List.of(analyst), all, role);
        return subject;
    }

    private static JsonPath decisionOf(String subject) {
        return as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> excluded(JsonPath decision, UUID customer) {
        return decision.getMap("excluded.find { it.id == '" + customer + "' }");
    }

    @Test
    void answersTheDocumentedShapeForAnEntitledCustomer() {
        Partner partner = Fixtures.activePartner();
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = analystGranted(partner, "ANALYST", acme);
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then().statusCode(200)
                .body("analyst.subject", equalTo(subject))
                .body("analyst.email", equalTo(subject + "@mssp.test"))
                .body("analyst.partner_id", equalTo(partner.id().toString()))
                .body("partner.id", equalTo(partner.id().toString()))
                .body("partner.license.product", equalTo("InsightIDR"))
                .body("partner.license.status", equalTo("ACTIVE"))
                .body("partner.license.expires_at", nullValue())
                .body("partner.license_active", equalTo(true))
                .body("partner.partner_status_enabled", equalTo(true))
                .body("multi_customer.preference_enabled", equalTo(true))
                .body("multi_customer.allowed", equalTo(true))
                .body("multi_customer.denied_reason", nullValue())
                .body("primary_customer.id", equalTo(partner.primaryId().toString()))
                .body("primary_customer.region", equalTo("us"))
                .body("entitled", hasSize(2))
                .body("entitled[1].id", equalTo(acme.toString()))
                .body("entitled[1].name", equalTo("Acme"))
                .body("entitled[1].region", equalTo("eu"))
                .body("entitled[1].role", equalTo("ANALYST"))
                .body("entitled[1].primary", equalTo(false))
                .body("entitled[1].can_write", equalTo(true))
                .body("excluded", empty());
    }

    @Test
    void viewerIsEntitledButCannotWrite() {
        Partner partner = Fixtures.activePartner();
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "ap");
        String subject = analystGranted(partner, "VIEWER", acme);
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then().statusCode(200)
                .body("entitled.find { it.id == '" + acme + "' }.role", equalTo("VIEWER"))
                .body("entitled.find { it.id == '" + acme + "' }.can_write", equalTo(false));
    }

    @Test
    void administratorCanWrite() {
        Partner partner = Fixtures.activePartner();
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "ap");
        String subject = analystGranted(partner, "ADMINISTRATOR", acme);
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then().statusCode(200)
                .body("entitled.find { it.id == '" + acme + "' }.can_write", equalTo(true));
    }

    @Test
    void inactivePartnerLicenceExcludesEveryCustomerIncludingThePrimary() {
        Partner partner = Fixtures.partner("SUSPENDED", null, true);
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = analystGranted(partner, "ANALYST", acme);
        JsonPath decision = decisionOf(subject);
        assertEquals(List.of(), decision.getList("entitled"));
        assertEquals("PARTNER_LICENSE_INACTIVE", excluded(decision, acme).get("reason"));
        assertEquals("PARTNER_LICENSE_INACTIVE", excluded(decision, partner.primaryId()).get("reason"));
        assertEquals(List.of("PARTNER_LICENSE_INACTIVE"), excluded(decision, partner.primaryId()).get("reasons"));
        assertEquals(false, decision.get("partner.license_active"));
        assertEquals(false, decision.get("multi_customer.allowed"));
        assertEquals("PARTNER_LICENSE_INACTIVE", decision.get("multi_customer.denied_reason"));
    }

    @Test
    void expiredPartnerLicenceIsInactiveAndReadsExpired() {
        Partner partner = Fixtures.partner("ACTIVE", Fixtures.past(), true);
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = analystGranted(partner, "ANALYST", acme);
        JsonPath decision = decisionOf(subject);
        assertEquals("PARTNER_LICENSE_INACTIVE", excluded(decision, acme).get("reason"));
        assertEquals("EXPIRED", decision.get("partner.license.status"));
        assertEquals(false, decision.get("partner.license_active"));
    }

    @Test
    void disabledPartnerStatusExcludesEveryCustomerButThePrimary() {
        Partner partner = Fixtures.partner("ACTIVE", Fixtures.future(), false);
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = analystGranted(partner, "ANALYST", acme);
        JsonPath decision = decisionOf(subject);
        assertEquals(List.of(partner.primaryId().toString()), decision.getList("entitled.id"));
        assertEquals("PARTNER_STATUS_DISABLED", excluded(decision, acme).get("reason"));
        assertEquals("PARTNER_STATUS_DISABLED", decision.get("multi_customer.denied_reason"));
    }

    @Test
    void customerWhoseAssociationWasNeverRequestedIsNotAssociated() {
        Partner partner = Fixtures.activePartner();
        UUID never = Fixtures.customer(partner, "Never", "us", "ACTIVE", null, "NONE");
        String subject = analystGranted(partner, "ANALYST", never);
        Map<String, Object> row = excluded(decisionOf(subject), never);
        assertEquals("CUSTOMER_NOT_ASSOCIATED", row.get("reason"));
        assertEquals(List.of("CUSTOMER_NOT_ASSOCIATED"), row.get("reasons"));
        assertEquals("Never", row.get("name"));
        assertEquals("us", row.get("region"));
        assertEquals(true, row.get("detail").toString().contains("not associated"));
    }

    @Test
    void customerWhoseAssociationWasRevokedIsNotAssociated() {
        Partner partner = Fixtures.activePartner();
        UUID revoked = Fixtures.customer(partner, "Revoked", "eu", "ACTIVE", null, "REVOKED");
        String subject = analystGranted(partner, "ANALYST", revoked);
        assertEquals("CUSTOMER_NOT_ASSOCIATED", excluded(decisionOf(subject), revoked).get("reason"));
    }

    @Test
    void customerAwaitingApprovalIsPending() {
        Partner partner = Fixtures.activePartner();
        UUID pending = Fixtures.customer(partner, "Pending", "ap", "ACTIVE", null, "REQUESTED");
        String subject = analystGranted(partner, "ANALYST", pending);
        assertEquals("ASSOCIATION_PENDING_APPROVAL", excluded(decisionOf(subject), pending).get("reason"));
    }

    @Test
    void suspendedCustomerLicenceIsInvalid() {
        Partner partner = Fixtures.activePartner();
        UUID suspended = Fixtures.customer(partner, "Suspended", "eu", "SUSPENDED", null, "APPROVED");
        String subject = analystGranted(partner, "ANALYST", suspended);
        assertEquals("CUSTOMER_LICENSE_INVALID", excluded(decisionOf(subject), suspended).get("reason"));
    }

    @Test
    void expiredCustomerLicenceIsInvalid() {
        Partner partner = Fixtures.activePartner();
        UUID expired = Fixtures.customer(partner, "Expired", "eu", "ACTIVE", Fixtures.past(), "APPROVED");
        String subject = analystGranted(partner, "ANALYST", expired);
        assertEquals("CUSTOMER_LICENSE_INVALID", excluded(decisionOf(subject), expired).get("reason"));
    }

    @Test
    void customerWithoutGrantIsNoAccessGrant() {
        Partner partner = Fixtures.activePartner();
        UUID notGranted = Fixtures.managedCustomer(partner, "Not granted", "us");
        String subject = analystGranted(partner, "ANALYST");
        Map<String, Object> row = excluded(decisionOf(subject), notGranted);
        assertEquals("NO_ACCESS_GRANT", row.get("reason"));
        assertEquals(true, row.get("detail").toString().contains("Multi-Customer User Admin"));
    }

    @Test
    void grantWithoutRoleIsNoRoleInCustomer() {
        Partner partner = Fixtures.activePartner();
        UUID noRole = Fixtures.managedCustomer(partner, "No role", "us");
        String subject = analystGranted(partner, "ANALYST");
        UUID analystId = UUID.fromString(decisionOf(subject).getString("analyst.id"));
        Fixtures.grant(partner, List.of(analystId), List.of(noRole), null);
        assertEquals("NO_ROLE_IN_CUSTOMER", excluded(decisionOf(subject), noRole).get("reason"));
    }

    @Test
    void preferenceOffExcludesEveryCustomerButThePrimary() {
        Partner partner = Fixtures.activePartner();
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = analystGranted(partner, "ANALYST", acme);
        as(Fixtures.analyst(subject)).body(Map.of("multi_customer_enabled", false)).put(BASE + "/me/preferences")
                .then().statusCode(200);
        JsonPath decision = decisionOf(subject);
        assertEquals(List.of(partner.primaryId().toString()), decision.getList("entitled.id"));
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", excluded(decision, acme).get("reason"));
        assertEquals(false, decision.get("multi_customer.preference_enabled"));
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", decision.get("multi_customer.denied_reason"));
    }

    @Test
    void reasonIsTheFirstOfAllReasonsThatApply() {
        Partner partner = Fixtures.activePartner();
        UUID bad = Fixtures.customer(partner, "Bad", "eu", "EXPIRED", null, "REQUESTED");
        String subject = analystGranted(partner, "ANALYST");
        Map<String, Object> row = excluded(decisionOf(subject), bad);
        assertEquals("ASSOCIATION_PENDING_APPROVAL", row.get("reason"));
        assertEquals(List.of("ASSOCIATION_PENDING_APPROVAL", "CUSTOMER_LICENSE_INVALID", "NO_ACCESS_GRANT"),
                row.get("reasons"));
    }

    @Test
    void pinsThePrimaryFirstThenCustomersByName() {
        Partner partner = Fixtures.activePartner();
        UUID zulu = Fixtures.managedCustomer(partner, "zulu", "us");
        UUID alpha = Fixtures.managedCustomer(partner, "Alpha", "eu");
        UUID mike = Fixtures.managedCustomer(partner, "Mike", "ap");
        String subject = analystGranted(partner, "VIEWER", zulu, alpha, mike);
        JsonPath decision = decisionOf(subject);
        assertEquals(List.of(partner.primaryId().toString(), alpha.toString(), mike.toString(), zulu.toString()),
                decision.getList("entitled.id"));
        assertEquals(List.of(true, false, false, false), decision.getList("entitled.primary"));
    }

    @Test
    void customersOfOtherPartnersNeverAppear() {
        Partner mine = Fixtures.activePartner();
        Partner other = Fixtures.activePartner();
        UUID theirs = Fixtures.managedCustomer(other, "Theirs", "eu");
        String subject = analystGranted(mine, "ANALYST");
        JsonPath decision = decisionOf(subject);
        assertEquals(List.of(mine.primaryId().toString()), decision.getList("entitled.id"));
        assertEquals(List.of(), decision.getList("excluded.id"));
        assertEquals(false, decision.getList("excluded.id").contains(theirs.toString()));
    }

    @Test
    void serviceGetsTheSameDecisionOnBehalfOfTheAnalyst() {
        Partner partner = Fixtures.activePartner();
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        UUID pending = Fixtures.customer(partner, "Pending", "ap", "ACTIVE", null, "REQUESTED");
        String subject = analystGranted(partner, "ANALYST", acme, pending);
        Object own = decisionOf(subject).get();
        Object onBehalf = as(Fixtures.service()).get(BASE + "/internal/analysts/" + subject + "/decision").then()
                .statusCode(200).extract().jsonPath().get();
        assertEquals(own, onBehalf);
    }

    @Test
    void partnerAdministratorSeesWhyTheirAnalystCannotSeeACustomer() {
        Partner partner = Fixtures.activePartner();
        UUID pending = Fixtures.customer(partner, "Pending", "ap", "ACTIVE", null, "REQUESTED");
        String subject = analystGranted(partner, "ANALYST", pending);
        String analystId = decisionOf(subject).getString("analyst.id");
        as(partner.adminToken()).get(BASE + "/partners/" + partner.id() + "/analysts/" + analystId + "/decision")
                .then().statusCode(200)
                .body("analyst.subject", equalTo(subject))
                .body("excluded.find { it.id == '" + pending + "' }.reason", equalTo("ASSOCIATION_PENDING_APPROVAL"));
    }

    @Test
    void unregisteredSubjectIsRefusedWithAnalystNotRegistered() {
        String stranger = Fixtures.unique("stranger");
        as(Fixtures.analyst(stranger)).get(BASE + "/me/decision").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"))
                .body("status", equalTo(403))
                .body("correlation_id", notNullValue())
                .body("message", containsString("not registered"));
        as(Fixtures.service()).get(BASE + "/internal/analysts/" + stranger + "/decision").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"));
        as(Fixtures.analyst(stranger)).get(BASE + "/me/customer-table").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"));
    }

    @Test
    void internalDecisionNeedsTheServiceRole() {
        Partner partner = Fixtures.activePartner();
        String subject = analystGranted(partner, "ANALYST");
        as(Fixtures.analyst(subject)).get(BASE + "/internal/analysts/" + subject + "/decision").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN")).body("correlation_id", notNullValue());
        as(Fixtures.service()).get(BASE + "/me/decision").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void customerTablePinsThePrimaryThenListsEveryCustomerByNameWithItsStates() {
        Partner partner = Fixtures.activePartner();
        UUID bravo = Fixtures.customer(partner, "Bravo", "eu", "SUSPENDED", null, "REQUESTED");
        UUID alpha = Fixtures.managedCustomer(partner, "alpha", "ap");
        UUID charlie = Fixtures.customer(partner, "Charlie", "us", "ACTIVE", Fixtures.past(), "NONE");
        UUID delta = Fixtures.customer(partner, "Delta", "us", "ACTIVE", null, "REVOKED");
        String subject = analystGranted(partner, "VIEWER");
        var table = as(Fixtures.analyst(subject)).get(BASE + "/me/customer-table").then().statusCode(200)
                .body("primary.id", equalTo(partner.primaryId().toString()))
                .body("primary.region", equalTo("us"))
                .body("primary.association_state", nullValue())
                .body("customers.id", contains(alpha.toString(), bravo.toString(), charlie.toString(), delta.toString()))
                .body("customers.association_state", contains("APPROVED", "REQUESTED", "NONE", "REVOKED"))
                .body("customers.license_status", contains("ACTIVE", "SUSPENDED", "EXPIRED", "ACTIVE"))
                .body("customers.region", contains("ap", "eu", "us", "us"))
                .extract().jsonPath().get();
        Object onBehalf = as(Fixtures.service()).get(BASE + "/internal/analysts/" + subject + "/customer-table")
                .then().statusCode(200).extract().jsonPath().get();
        assertEquals(table, onBehalf);
    }
}
