package io.mci.entitlement.partner;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.entitlement.TestDb;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Operator endpoints and the association lifecycle, everything the demo launcher needs over HTTP. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperatorTest {

    @Test
    void createsAPartnerWithItsPrimaryCustomerUnderIdsTheCallerChose() {
        UUID partnerId = UUID.randomUUID();
        UUID primaryId = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", partnerId.toString(), "name", "Acme MSSP",
                "license", Map.of("status", "active", "expires_at", "2031-01-09T09:20:06Z"),
                "partner_status_enabled", true,
                "primary_customer", Map.of("id", primaryId.toString(), "name", "Acme MSSP (own)", "region", "EU"));
        as(Fixtures.operator()).body(body).post(BASE + "/operator/partners").then().statusCode(201)
                .body("id", equalTo(partnerId.toString()))
                .body("name", equalTo("Acme MSSP"))
                .body("license.product", equalTo("InsightIDR"))
                .body("license.status", equalTo("ACTIVE"))
                .body("license.expires_at", equalTo("2031-01-09T09:20:06.000Z"))
                .body("license_active", equalTo(true))
                .body("partner_status_enabled", equalTo(true))
                .body("primary_customer.id", equalTo(primaryId.toString()))
                .body("primary_customer.region", equalTo("eu"));
        as(Fixtures.operator()).get(BASE + "/operator/partners/" + partnerId).then().statusCode(200)
                .body("primary_customer.name", equalTo("Acme MSSP (own)"));
        as(Fixtures.operator()).get(BASE + "/operator/partners").then().statusCode(200)
                .body("partners.id", hasItem(partnerId.toString()));
        as(Fixtures.operator()).get(BASE + "/operator/customers/" + primaryId).then().statusCode(200)
                .body("primary_of_partner_id", equalTo(partnerId.toString())).body("association", nullValue());

        String before = TestDb.snapshot();
        as(Fixtures.operator()).body(body).post(BASE + "/operator/partners").then().statusCode(409)
                .body("code", equalTo("ALREADY_EXISTS")).body("correlation_id", notNullValue());
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void licenceAndPartnerStatusChangesTakeEffectAndAreAudited() {
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("a");
        UUID analyst = Fixtures.analystOf(partner, subject);
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        Fixtures.grant(partner, List.of(analyst), List.of(acme, partner.primaryId()), "ANALYST");
        String url = BASE + "/operator/partners/" + partner.id();

        as(Fixtures.operator()).body(Map.of("status", "SUSPENDED")).put(url + "/license").then().statusCode(200)
                .body("license.status", equalTo("SUSPENDED")).body("license_active", equalTo(false));
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then()
                .body("multi_customer.denied_reason", equalTo("PARTNER_LICENSE_INACTIVE"));

        as(Fixtures.operator()).body(Map.of("status", "ACTIVE", "expires_at", Fixtures.future())).put(url + "/license")
                .then().statusCode(200).body("license_active", equalTo(true));
        as(Fixtures.operator()).body(Map.of("partner_status_enabled", false)).put(url + "/status").then()
                .statusCode(200).body("partner_status_enabled", equalTo(false));
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then()
                .body("excluded.find { it.id == '" + acme + "' }.reason", equalTo("PARTNER_STATUS_DISABLED"));

        as(Fixtures.operator()).body(Map.of("status", "EXPIRED")).put(BASE + "/operator/customers/" + acme + "/license")
                .then().statusCode(200).body("license.status", equalTo("EXPIRED")).body("license_valid", equalTo(false));

        assertEquals(2, TestDb.count("SELECT count(*) FROM audit_event WHERE partner_id = ? AND action = 'PARTNER_LICENSE_CHANGED'",
                partner.id()));
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE partner_id = ? AND action = 'PARTNER_STATUS_CHANGED'",
                partner.id()));
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE partner_id = ? AND action = 'CUSTOMER_LICENSE_CHANGED'",
                partner.id()));
    }

    @Test
    void associationGoesFromRequestedToApprovedByTheCustomersAdministratorToRevoked() {
        Partner partner = Fixtures.activePartner();
        UUID customerId = UUID.randomUUID();
        as(Fixtures.operator()).body(Map.of("id", customerId.toString(), "name", "Globex", "region", "ap",
                "license", Map.of("status", "ACTIVE"))).post(BASE + "/operator/customers").then().statusCode(201)
                .body("id", equalTo(customerId.toString())).body("association", nullValue())
                .body("license_valid", equalTo(true)).body("primary_of_partner_id", nullValue());

        as(Fixtures.operator()).body(Map.of("partner_id", partner.id().toString()))
                .post(BASE + "/operator/customers/" + customerId + "/association").then().statusCode(200)
                .body("association.partner_id", equalTo(partner.id().toString()))
                .body("association.state", equalTo("REQUESTED"))
                .body("association.requested_at", notNullValue());

        String adminSubject = Fixtures.customerAdminOf(customerId);
        String adminToken = Fixtures.customerAdmin(adminSubject);
        as(adminToken).get(BASE + "/customers/" + customerId + "/association").then().statusCode(200)
                .body("state", equalTo("REQUESTED")).body("partner_id", equalTo(partner.id().toString()))
                .body("customer_name", equalTo("Globex"));
        as(adminToken).post(BASE + "/customers/" + customerId + "/association/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("approved_at", notNullValue());
        assertEquals(adminSubject, TestDb.text("SELECT association_approved_by FROM customer WHERE id = ?", customerId));

        // Approving again is a conflict and changes nothing.
        String before = TestDb.snapshot();
        as(adminToken).post(BASE + "/customers/" + customerId + "/association/approve").then().statusCode(409)
                .body("code", equalTo("ASSOCIATION_NOT_PENDING"));
        // Another partner cannot take over an approved association.
        as(Fixtures.operator()).body(Map.of("partner_id", Fixtures.activePartner().id().toString()))
                .post(BASE + "/operator/customers/" + customerId + "/association").then().statusCode(409)
                .body("code", equalTo("ASSOCIATION_EXISTS"));
        as(Fixtures.operator()).get(BASE + "/operator/customers/" + customerId).then()
                .body("association.state", equalTo("APPROVED"));

        as(Fixtures.operator()).post(BASE + "/operator/customers/" + customerId + "/association/revoke").then()
                .statusCode(200).body("association.state", equalTo("REVOKED"))
                .body("association.revoked_at", notNullValue());
        as(Fixtures.operator()).post(BASE + "/operator/customers/" + customerId + "/association/revoke").then()
                .statusCode(409).body("code", equalTo("ASSOCIATION_NOT_ACTIVE"));

        assertEquals(List.of("ASSOCIATION_REQUESTED", "ASSOCIATION_APPROVED", "ASSOCIATION_REVOKED"), TestDb.column(
                "SELECT action FROM audit_event WHERE target_id = ? AND action LIKE 'ASSOCIATION%' ORDER BY id",
                customerId.toString()));
        assertEquals(false, before.equals(TestDb.snapshot()));
    }

    @Test
    void aPrimaryCustomerCannotBeAssociated() {
        Partner partner = Fixtures.activePartner();
        Partner other = Fixtures.activePartner();
        String before = TestDb.snapshot();
        as(Fixtures.operator()).body(Map.of("partner_id", other.id().toString()))
                .post(BASE + "/operator/customers/" + partner.primaryId() + "/association").then().statusCode(409)
                .body("code", equalTo("PRIMARY_CUSTOMER"));
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void unknownIdsAreNotFound() {
        UUID nobody = UUID.randomUUID();
        as(Fixtures.operator()).get(BASE + "/operator/partners/" + nobody).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("message", equalTo("Partner not found."));
        as(Fixtures.operator()).body(Map.of("status", "ACTIVE")).put(BASE + "/operator/customers/" + nobody + "/license")
                .then().statusCode(404).body("message", equalTo("Customer not found."));
        as(Fixtures.operator()).body(Map.of("subject", "s", "email", "s@x.test", "name", "S"))
                .post(BASE + "/operator/partners/" + nobody + "/analysts").then().statusCode(404);
        as(Fixtures.operator()).body(Map.of("name", "C", "region", "us", "license", Map.of("status", "ACTIVE"),
                "partner_id", nobody.toString())).post(BASE + "/operator/customers").then().statusCode(404)
                .body("message", equalTo("Partner not found."));
    }

    @Test
    void listsCustomersOfAPartnerPaged() {
        Partner partner = Fixtures.activePartner();
        UUID b = Fixtures.managedCustomer(partner, "Bravo", "us");
        UUID a = Fixtures.customer(partner, "Alpha", "eu", "ACTIVE", null, "NONE");
        as(Fixtures.operator()).queryParam("partner_id", partner.id().toString()).queryParam("size", 2)
                .get(BASE + "/operator/customers").then().statusCode(200)
                .body("metadata.total_data", equalTo(3)).body("metadata.total_pages", equalTo(2))
                .body("data[0].id", equalTo(a.toString())).body("data[1].id", equalTo(b.toString()));
        as(Fixtures.operator()).queryParam("partner_id", partner.id().toString()).queryParam("region", "eu")
                .get(BASE + "/operator/customers").then().statusCode(200)
                .body("metadata.total_data", equalTo(1)).body("data[0].association.state", equalTo("NONE"));
    }
}
