package io.mci.entitlement.access;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.entitlement.TestDb;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Partner X's administrator calls every admin endpoint with partner Y's ids: each answers 404 or
 * 403 with the error body, and the database is unchanged.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CrossPartnerIsolationTest {

    private Partner x;
    private Partner y;
    private UUID xAnalyst;
    private UUID xCustomer;
    private UUID yAnalyst;
    private UUID yCustomer;
    private String yAnalystSubject;

    @BeforeEach
    void twoPartners() {
        x = Fixtures.activePartner();
        y = Fixtures.activePartner();
        xAnalyst = Fixtures.analystOf(x, Fixtures.unique("xa"));
        xCustomer = Fixtures.managedCustomer(x, "X customer", "us");
        yAnalystSubject = Fixtures.unique("ya");
        yAnalyst = Fixtures.analystOf(y, yAnalystSubject);
        yCustomer = Fixtures.managedCustomer(y, "Y customer", "eu");
        Fixtures.grant(y, List.of(yAnalyst), List.of(yCustomer, y.primaryId()), "ANALYST");
    }

    private static Map<String, Object> pairs(UUID analyst, UUID customer) {
        return Map.of("analyst_ids", List.of(analyst.toString()), "customer_ids", List.of(customer.toString()),
                "role", "ADMINISTRATOR");
    }

    private static Map<String, Object> revokePairs(UUID analyst, UUID customer) {
        return Map.of("analyst_ids", List.of(analyst.toString()), "customer_ids", List.of(customer.toString()));
    }

    private static void refused(Response response) {
        response.then().statusCode(anyOf(equalTo(404), equalTo(403)))
                .body("code", anyOf(equalTo("NOT_FOUND"), equalTo("FORBIDDEN")))
                .body("message", notNullValue()).body("correlation_id", notNullValue());
    }

    @Test
    void everyAdminEndpointRefusesTheOtherPartnersIdsAndChangesNothing() {
        String before = TestDb.snapshot();
        String adminX = x.adminToken();
        String yBase = BASE + "/partners/" + y.id();
        String xBase = BASE + "/partners/" + x.id();

        // Y's partner id in the path.
        refused(as(adminX).get(yBase + "/analysts"));
        refused(as(adminX).body(Map.of("subject", Fixtures.unique("s"), "email", "s@x.test", "name", "S"))
                .post(yBase + "/analysts"));
        refused(as(adminX).body(pairs(yAnalyst, yCustomer)).post(yBase + "/grants"));
        refused(as(adminX).body(revokePairs(yAnalyst, yCustomer)).post(yBase + "/grants/revoke"));
        refused(as(adminX).get(yBase + "/analysts/" + yAnalyst + "/grants"));
        refused(as(adminX).get(yBase + "/analysts/" + yAnalyst + "/decision"));
        refused(as(adminX).get(yBase + "/customers/" + yCustomer + "/assignable-users"));
        refused(as(adminX).get(yBase + "/audit"));

        // X's partner id in the path, Y's analysts or customers in the body or path.
        refused(as(adminX).body(pairs(yAnalyst, xCustomer)).post(xBase + "/grants"));
        refused(as(adminX).body(pairs(xAnalyst, yCustomer)).post(xBase + "/grants"));
        refused(as(adminX).body(pairs(xAnalyst, y.primaryId())).post(xBase + "/grants"));
        refused(as(adminX).body(Map.of("analyst_ids", List.of(xAnalyst.toString(), yAnalyst.toString()),
                "customer_ids", List.of(xCustomer.toString()), "role", "VIEWER")).post(xBase + "/grants"));
        refused(as(adminX).body(revokePairs(yAnalyst, yCustomer)).post(xBase + "/grants/revoke"));
        refused(as(adminX).body(revokePairs(xAnalyst, yCustomer)).post(xBase + "/grants/revoke"));
        refused(as(adminX).get(xBase + "/analysts/" + yAnalyst + "/grants"));
        refused(as(adminX).get(xBase + "/analysts/" + yAnalyst + "/decision"));
        refused(as(adminX).get(xBase + "/customers/" + yCustomer + "/assignable-users"));
        refused(as(adminX).get(xBase + "/customers/" + y.primaryId() + "/assignable-users"));

        // A partner administrator is no operator and no customer administrator.
        refused(as(adminX).body(Map.of("partner_status_enabled", false)).put(BASE + "/operator/partners/" + y.id() + "/status"));
        refused(as(adminX).body(Map.of("partner_id", x.id().toString()))
                .post(BASE + "/operator/customers/" + yCustomer + "/association"));
        refused(as(adminX).post(BASE + "/customers/" + yCustomer + "/association/approve"));

        assertEquals(before, TestDb.snapshot());
        // Y's analyst still sees Y's customer.
        as(Fixtures.analyst(yAnalystSubject)).get(BASE + "/me/decision").then().statusCode(200)
                .body("entitled.find { it.id == '" + yCustomer + "' }.role", equalTo("ANALYST"));
    }

    @Test
    void anotherPartnersIdsAnswerNotFoundNotForbidden() {
        as(x.adminToken()).get(BASE + "/partners/" + y.id() + "/analysts").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("status", equalTo(404));
        as(x.adminToken()).body(pairs(xAnalyst, yCustomer)).post(BASE + "/partners/" + x.id() + "/grants").then()
                .statusCode(404).body("message", equalTo("One or more customers are not customers of this partner."));
        as(x.adminToken()).body(pairs(yAnalyst, xCustomer)).post(BASE + "/partners/" + x.id() + "/grants").then()
                .statusCode(404).body("message", equalTo("One or more analysts are not analysts of this partner."));
    }

    @Test
    void customerAdministratorApprovesOnlyTheCustomersTheyAdminister() {
        UUID pending = Fixtures.customer(x, "Pending", "ap", "ACTIVE", null, "REQUESTED");
        String adminOfOther = Fixtures.customerAdminOf(yCustomer);
        String before = TestDb.snapshot();
        as(Fixtures.customerAdmin(adminOfOther)).post(BASE + "/customers/" + pending + "/association/approve").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(Fixtures.customerAdmin(adminOfOther)).get(BASE + "/customers/" + pending + "/association").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void anAdministratorTokenOfNoRegisteredAnalystActsForNoPartner() {
        String stranger = Fixtures.partnerAdmin(Fixtures.unique("stranger"));
        String before = TestDb.snapshot();
        as(stranger).get(BASE + "/partners/" + x.id() + "/analysts").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"));
        as(stranger).body(pairs(xAnalyst, xCustomer)).post(BASE + "/partners/" + x.id() + "/grants").then()
                .statusCode(403).body("code", equalTo("ANALYST_NOT_REGISTERED"));
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void analystsCannotUseAdminEndpoints() {
        String subject = Fixtures.unique("plain");
        Fixtures.analystOf(x, subject);
        String before = TestDb.snapshot();
        as(Fixtures.analyst(subject)).get(BASE + "/partners/" + x.id() + "/analysts").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(Fixtures.analyst(subject)).body(pairs(xAnalyst, xCustomer)).post(BASE + "/partners/" + x.id() + "/grants")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertEquals(before, TestDb.snapshot());
    }
}
