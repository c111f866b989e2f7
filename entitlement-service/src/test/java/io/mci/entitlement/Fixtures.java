package io.mci.entitlement;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.mci.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Builds scenarios through the service's own HTTP API, the way the demo launcher will: operator
 * creates partners and customers, customer administrators approve associations, partner
 * administrators register analysts and grant access. Every fixture uses fresh ids and subjects,
 * so tests never see each other's data.
 */
public final class Fixtures {

    public static final String BASE = "/entitlement/v1";

    private Fixtures() {
    }

    // ---- tokens ----

    private static final String OPERATOR = TestTokens.user("operator-1", "operator@mci.test", "mci-operator");
    private static final String SERVICE = TestTokens.service("mci-aggregator", "mci-service", "mci-federation");

    public static String operator() {
        return OPERATOR;
    }

    public static String service() {
        return SERVICE;
    }

    public static String analyst(String subject) {
        return TestTokens.user(subject, subject + "@mssp.test", "mci-analyst");
    }

    public static String partnerAdmin(String subject) {
        return TestTokens.user(subject, subject + "@mssp.test", "mci-analyst", "mci-partner-admin");
    }

    public static String customerAdmin(String subject) {
        return TestTokens.user(subject, subject + "@customer.test", "mci-customer-admin");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String past() {
        return Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static String future() {
        return Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- scenario ----

    /** A partner, its primary customer and its first administrator (registered by the operator). */
    public record Partner(UUID id, UUID primaryId, String adminSubject, UUID adminId) {

        public String adminToken() {
            return partnerAdmin(adminSubject);
        }
    }

    public static Partner partner(String licenseStatus, String licenseExpiresAt, boolean partnerStatusEnabled) {
        Map<String, Object> license = new HashMap<>();
        license.put("status", licenseStatus);
        license.put("expires_at", licenseExpiresAt);
        Map<String, Object> body = Map.of("name", unique("MSSP"), "license", license,
                "partner_status_enabled", partnerStatusEnabled,
                "primary_customer", Map.of("name", unique("Primary"), "region", "us"));
        var created = as(operator()).body(body).post(BASE + "/operator/partners").then().statusCode(201).extract();
        UUID id = UUID.fromString(created.path("id"));
        UUID primary = UUID.fromString(created.path("primary_customer.id"));
        String adminSubject = unique("admin");
        UUID adminId = UUID.fromString(as(operator())
                .body(Map.of("subject", adminSubject, "email", adminSubject + "@mssp.test", "name", "Admin " + adminSubject))
                .post(BASE + "/operator/partners/" + id + "/analysts").then().statusCode(201).extract().path("id"));
        return new Partner(id, primary, adminSubject, adminId);
    }

    public static Partner activePartner() {
        return partner("ACTIVE", null, true);
    }

    /** A customer of the partner with the given licence and association state (NONE, REQUESTED, APPROVED, REVOKED). */
    public static UUID customer(Partner partner, String name, String region, String licenseStatus, String licenseExpiresAt,
            String association) {
        Map<String, Object> license = new HashMap<>();
        license.put("status", licenseStatus);
        license.put("expires_at", licenseExpiresAt);
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "region", region, "license", license));
        if ("NONE".equals(association)) {
            body.put("partner_id", partner.id().toString());
        }
        UUID id = UUID.fromString(as(operator()).body(body).post(BASE + "/operator/customers").then().statusCode(201)
                .extract().path("id"));
        if (!"NONE".equals(association)) {
            requestAssociation(id, partner.id());
            if ("APPROVED".equals(association) || "REVOKED".equals(association)) {
                approve(id);
            }
            if ("REVOKED".equals(association)) {
                as(operator()).post(BASE + "/operator/customers/" + id + "/association/revoke").then().statusCode(200);
            }
        }
        return id;
    }

    /** An associated (approved), licensed customer. */
    public static UUID managedCustomer(Partner partner, String name, String region) {
        return customer(partner, name, region, "ACTIVE", null, "APPROVED");
    }

    public static void requestAssociation(UUID customerId, UUID partnerId) {
        as(operator()).body(Map.of("partner_id", partnerId.toString()))
                .post(BASE + "/operator/customers/" + customerId + "/association").then().statusCode(200);
    }

    /** Registers a fresh customer administrator and approves the pending association with their token. */
    public static String approve(UUID customerId) {
        String subject = customerAdminOf(customerId);
        as(customerAdmin(subject)).post(BASE + "/customers/" + customerId + "/association/approve").then()
                .statusCode(200);
        return subject;
    }

    public static String customerAdminOf(UUID customerId) {
        String subject = unique("cadmin");
        as(operator()).body(Map.of("subject", subject, "email", subject + "@customer.test"))
                .post(BASE + "/operator/customers/" + customerId + "/administrators").then().statusCode(201);
        return subject;
    }

    /** Registers an analyst of the partner (by its administrator); returns the analyst's id. */
    public static UUID analystOf(Partner partner, String subject) {
        return UUID.fromString(as(partner.adminToken())
                .body(Map.of("subject", subject, "email", subject + "@mssp.test", "name", "Analyst " + subject))
                .post(BASE + "/partners/" + partner.id() + "/analysts").then().statusCode(201).extract().path("id"));
    }

    /** Grants every analyst x customer pair the role (null: a grant without a role). */
    public static void grant(Partner partner, List<UUID> analysts, List<UUID> customers, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("analyst_ids", analysts.stream().map(UUID::toString).toList());
        body.put("customer_ids", customers.stream().map(UUID::toString).toList());
        body.put("role", role);
        as(partner.adminToken()).body(body).post(BASE + "/partners/" + partner.id() + "/grants").then().statusCode(200);
    }
}
