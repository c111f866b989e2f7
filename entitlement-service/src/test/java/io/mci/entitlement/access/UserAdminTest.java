package io.mci.entitlement.access;

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

import java.util.HashMap;
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

/** Multi-Customer User Admin: analysts, bulk grants and revokes, assignable users, the audit trail. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UserAdminTest {

    private static Map<String, Object> pairs(List<UUID> analysts, List<UUID> customers, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("analyst_ids", analysts.stream().map(UUID::toString).toList());
        body.put("customer_ids", customers.stream().map(UUID::toString).toList());
        if (role != null) {
            body.put("role", role);
        }
        return body;
    }

    private static long grantsOn(List<UUID> analysts) {
        return TestDb.count("SELECT count(*) FROM access_grant WHERE analyst_id = ANY(?::uuid[])",
                (Object) analysts.stream().map(UUID::toString).toArray(String[]::new));
    }

    @Test
    void listsTheOwnPartnersAnalystsByEmail() {
        Partner partner = Fixtures.activePartner();
        UUID zed = Fixtures.analystOf(partner, "zz-" + Fixtures.unique("a"));
        UUID bob = Fixtures.analystOf(partner, "bb-" + Fixtures.unique("a"));
        Fixtures.analystOf(Fixtures.activePartner(), Fixtures.unique("other"));
        as(partner.adminToken()).get(BASE + "/partners/" + partner.id() + "/analysts").then().statusCode(200)
                .body("analysts.id", contains(partner.adminId().toString(), bob.toString(), zed.toString()))
                .body("analysts[1].multi_customer_enabled", equalTo(true))
                .body("analysts[1].partner_id", equalTo(partner.id().toString()));
    }

    @Test
    void registersAnAnalystOnceAndRefusesTheSameSubjectOrEmailAgain() {
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("new");
        as(partner.adminToken()).body(Map.of("subject", subject, "email", subject + "@mssp.test", "name", "New One"))
                .post(BASE + "/partners/" + partner.id() + "/analysts").then().statusCode(201)
                .body("subject", equalTo(subject)).body("partner_id", equalTo(partner.id().toString()))
                .body("multi_customer_enabled", equalTo(true)).body("id", notNullValue());
        String before = TestDb.snapshot();
        as(partner.adminToken()).body(Map.of("subject", subject, "email", "other@mssp.test", "name", "Again"))
                .post(BASE + "/partners/" + partner.id() + "/analysts").then().statusCode(409)
                .body("code", equalTo("ANALYST_EXISTS")).body("correlation_id", notNullValue());
        as(partner.adminToken()).body(Map.of("subject", Fixtures.unique("x"), "email", subject.toUpperCase() + "@MSSP.TEST",
                "name", "Same email")).post(BASE + "/partners/" + partner.id() + "/analysts").then().statusCode(409)
                .body("code", equalTo("ANALYST_EXISTS"));
        assertEquals(before, TestDb.snapshot());
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'ANALYST_REGISTERED' "
                + "AND details LIKE ?", "%" + subject + "%"));
    }

    @Test
    void grantsManyCustomersToManyAnalystsInOneCallAndReRolesThem() {
        Partner partner = Fixtures.activePartner();
        UUID a1 = Fixtures.analystOf(partner, Fixtures.unique("a"));
        UUID a2 = Fixtures.analystOf(partner, Fixtures.unique("a"));
        UUID c1 = Fixtures.managedCustomer(partner, "C1", "us");
        UUID c2 = Fixtures.managedCustomer(partner, "C2", "eu");
        UUID c3 = Fixtures.customer(partner, "C3", "ap", "ACTIVE", null, "REQUESTED");
        List<UUID> analysts = List.of(a1, a2);
        List<UUID> customers = List.of(c1, c2, c3, partner.primaryId());
        String url = BASE + "/partners/" + partner.id() + "/grants";

        as(partner.adminToken()).body(pairs(analysts, customers, "VIEWER")).post(url).then().statusCode(200)
                .body("role", equalTo("VIEWER")).body("analysts", equalTo(2)).body("customers", equalTo(4))
                .body("created", equalTo(8)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        assertEquals(8, grantsOn(analysts));

        as(partner.adminToken()).body(pairs(analysts, List.of(c1, c2), "ANALYST")).post(url).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(4)).body("unchanged", equalTo(0));
        as(partner.adminToken()).body(pairs(analysts, List.of(c1, c2), "ANALYST")).post(url).then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(4));
        assertEquals(4, TestDb.count("SELECT count(*) FROM access_grant WHERE role = 'ANALYST' AND analyst_id = ANY(?::uuid[])",
                (Object) new String[] { a1.toString(), a2.toString() }));

        as(partner.adminToken()).get(BASE + "/partners/" + partner.id() + "/analysts/" + a1 + "/grants").then()
                .statusCode(200).body("grants", hasSize(4))
                .body("grants[0].customer_id", equalTo(partner.primaryId().toString()))
                .body("grants.customer_name", contains(TestDb.text("SELECT name FROM customer WHERE id = ?", partner.primaryId()),
                        "C1", "C2", "C3"))
                .body("grants.role", contains("VIEWER", "ANALYST", "ANALYST", "VIEWER"))
                .body("grants[0].granted_by", equalTo(partner.adminSubject()));

        // One audit row per analyst and call that changed something; the third call changed nothing.
        assertEquals(4, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_GRANTED' AND partner_id = ?",
                partner.id()));
    }

    @Test
    void grantWithoutRoleCreatesRolelessGrants() {
        Partner partner = Fixtures.activePartner();
        UUID analyst = Fixtures.analystOf(partner, Fixtures.unique("a"));
        UUID c1 = Fixtures.managedCustomer(partner, "C1", "us");
        as(partner.adminToken()).body(pairs(List.of(analyst), List.of(c1), null))
                .post(BASE + "/partners/" + partner.id() + "/grants").then().statusCode(200)
                .body("role", nullValue()).body("created", equalTo(1));
        assertEquals(1, TestDb.count("SELECT count(*) FROM access_grant WHERE analyst_id = ? AND role IS NULL", analyst));
    }

    @Test
    void revokesManyGrantsInOneCallAndTheDecisionFollowsAtOnce() {
        Partner partner = Fixtures.activePartner();
        String s1 = Fixtures.unique("a");
        UUID a1 = Fixtures.analystOf(partner, s1);
        UUID a2 = Fixtures.analystOf(partner, Fixtures.unique("a"));
        UUID c1 = Fixtures.managedCustomer(partner, "C1", "us");
        UUID c2 = Fixtures.managedCustomer(partner, "C2", "eu");
        UUID c3 = Fixtures.managedCustomer(partner, "C3", "ap");
        Fixtures.grant(partner, List.of(a1, a2), List.of(c1, c2, c3), "ANALYST");

        as(partner.adminToken()).body(pairs(List.of(a1, a2), List.of(c1, c2), null))
                .post(BASE + "/partners/" + partner.id() + "/grants/revoke").then().statusCode(200)
                .body("revoked", equalTo(4)).body("analysts", equalTo(2)).body("customers", equalTo(2));
        assertEquals(2, grantsOn(List.of(a1, a2)));
        as(Fixtures.analyst(s1)).get(BASE + "/me/decision").then().statusCode(200)
                .body("entitled.id", contains(c3.toString()))
                .body("excluded.find { it.id == '" + c1 + "' }.reason", equalTo("NO_ACCESS_GRANT"));
        assertEquals(2, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_REVOKED' AND partner_id = ?",
                partner.id()));
    }

    @Test
    void assignableUsersAreTheWritersWithAnEffectiveGrant() {
        Partner partner = Fixtures.activePartner();
        UUID customer = Fixtures.managedCustomer(partner, "Acme", "eu");
        UUID pending = Fixtures.customer(partner, "Pending", "eu", "ACTIVE", null, "REQUESTED");
        String writerSubject = "aa-" + Fixtures.unique("w");
        UUID writer = Fixtures.analystOf(partner, writerSubject);
        UUID admin = Fixtures.analystOf(partner, "bb-" + Fixtures.unique("adm"));
        UUID viewer = Fixtures.analystOf(partner, Fixtures.unique("v"));
        UUID roleless = Fixtures.analystOf(partner, Fixtures.unique("r"));
        Fixtures.grant(partner, List.of(writer), List.of(customer, pending), "ANALYST");
        Fixtures.grant(partner, List.of(admin), List.of(customer), "ADMINISTRATOR");
        Fixtures.grant(partner, List.of(viewer), List.of(customer), "VIEWER");
        Fixtures.grant(partner, List.of(roleless), List.of(customer), null);

        String url = BASE + "/partners/" + partner.id() + "/customers/";
        as(partner.adminToken()).get(url + customer + "/assignable-users").then().statusCode(200)
                .body("users.id", contains(writer.toString(), admin.toString()))
                .body("users.role", contains("ANALYST", "ADMINISTRATOR"))
                .body("users[0].email", equalTo(writerSubject + "@mssp.test"))
                .body("users[0].name", equalTo("Analyst " + writerSubject));
        // The association is not approved: nobody's grant is effective there.
        as(partner.adminToken()).get(url + pending + "/assignable-users").then().statusCode(200)
                .body("users", empty());

        // The aggregator asks on behalf of an entitled analyst; not entitled is 404.
        as(Fixtures.service()).get(BASE + "/internal/analysts/" + writerSubject + "/customers/" + customer
                + "/assignable-users").then().statusCode(200).body("users.id", contains(writer.toString(), admin.toString()));
        as(Fixtures.service()).get(BASE + "/internal/analysts/" + writerSubject + "/customers/" + pending
                + "/assignable-users").then().statusCode(404).body("code", equalTo("NOT_ENTITLED"))
                .body("correlation_id", notNullValue());
    }

    @Test
    void auditTrailIsPagedNewestFirstForTheOwnPartner() {
        Partner partner = Fixtures.activePartner();
        UUID analyst = Fixtures.analystOf(partner, Fixtures.unique("a"));
        UUID c1 = Fixtures.managedCustomer(partner, "C1", "us");
        Fixtures.grant(partner, List.of(analyst), List.of(c1), "ANALYST");
        String url = BASE + "/partners/" + partner.id() + "/audit";
        long total = TestDb.count("SELECT count(*) FROM audit_event WHERE partner_id = ?", partner.id());
        as(partner.adminToken()).queryParam("size", 2).get(url).then().statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].action", equalTo("ACCESS_GRANTED"))
                .body("data[0].actor.subject", equalTo(partner.adminSubject()))
                .body("data[0].actor.role", equalTo("mci-partner-admin"))
                .body("data[0].target_type", equalTo("analyst"))
                .body("data[0].target_id", equalTo(analyst.toString()))
                .body("data[0].details.role", equalTo("ANALYST"))
                .body("data[0].details.customer_ids", contains(c1.toString()))
                .body("data[0].occurred_at", notNullValue())
                .body("metadata.index", equalTo(0)).body("metadata.size", equalTo(2))
                .body("metadata.total_data", equalTo((int) total))
                .body("metadata.total_pages", equalTo((int) ((total + 1) / 2)));
        as(partner.adminToken()).queryParam("size", 2).queryParam("index", 1).get(url).then().statusCode(200)
                .body("metadata.index", equalTo(1));
        as(partner.adminToken()).queryParam("page", 2).get(url).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARAMETER")).body("accepted", contains("index", "size"));
        as(partner.adminToken()).queryParam("size", 1000).get(url).then().statusCode(400)
                .body("message", containsString("size"));
    }
}
