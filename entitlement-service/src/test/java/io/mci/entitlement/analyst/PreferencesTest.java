package io.mci.entitlement.analyst;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
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

/** Each analyst's own multi-customer switch: ON by default, toggled directly or through the aggregator. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PreferencesTest {

    @Test
    void isOnByDefaultAndTogglesOffAndOnAgain() {
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("pref");
        UUID analyst = Fixtures.analystOf(partner, subject);
        UUID acme = Fixtures.managedCustomer(partner, "Acme", "eu");
        Fixtures.grant(partner, List.of(analyst), List.of(acme, partner.primaryId()), "ANALYST");
        String token = Fixtures.analyst(subject);

        as(token).get(BASE + "/me/preferences").then().statusCode(200).body("multi_customer_enabled", equalTo(true));
        as(token).body(Map.of("multi_customer_enabled", false)).put(BASE + "/me/preferences").then().statusCode(200)
                .body("multi_customer_enabled", equalTo(false));
        as(token).get(BASE + "/me/preferences").then().body("multi_customer_enabled", equalTo(false));
        as(token).get(BASE + "/me/decision").then().body("multi_customer.allowed", equalTo(false))
                .body("excluded.find { it.id == '" + acme + "' }.reason",
                        equalTo("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE"));

        as(token).body(Map.of("multi_customer_enabled", true)).put(BASE + "/me/preferences").then().statusCode(200)
                .body("multi_customer_enabled", equalTo(true));
        as(token).get(BASE + "/me/decision").then().body("multi_customer.allowed", equalTo(true))
                .body("entitled.find { it.id == '" + acme + "' }.role", equalTo("ANALYST"));

        assertEquals(2, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'PREFERENCE_CHANGED' "
                + "AND target_id = ? AND actor_subject = ? AND via IS NULL", analyst.toString(), subject));
    }

    @Test
    void settingTheSameValueChangesAndAuditsNothing() {
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("pref");
        Fixtures.analystOf(partner, subject);
        String before = TestDb.snapshot();
        as(Fixtures.analyst(subject)).body(Map.of("multi_customer_enabled", true)).put(BASE + "/me/preferences").then()
                .statusCode(200).body("multi_customer_enabled", equalTo(true));
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void theAggregatorReadsAndSetsItOnBehalfOfTheAnalystAndTheAuditSaysSo() {
        Partner partner = Fixtures.activePartner();
        String subject = Fixtures.unique("pref");
        UUID analyst = Fixtures.analystOf(partner, subject);
        String url = BASE + "/internal/analysts/" + subject + "/preferences";
        as(Fixtures.service()).get(url).then().statusCode(200).body("multi_customer_enabled", equalTo(true));
        as(Fixtures.service()).body(Map.of("multi_customer_enabled", false)).put(url).then().statusCode(200)
                .body("multi_customer_enabled", equalTo(false));
        as(Fixtures.analyst(subject)).get(BASE + "/me/preferences").then().body("multi_customer_enabled", equalTo(false));
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'PREFERENCE_CHANGED' "
                + "AND target_id = ? AND actor_subject = ? AND via = 'mci-aggregator'", analyst.toString(), subject));
    }

    @Test
    void unregisteredAnalystsHaveNoPreferences() {
        String stranger = Fixtures.unique("nobody");
        as(Fixtures.analyst(stranger)).get(BASE + "/me/preferences").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"));
        as(Fixtures.service()).body(Map.of("multi_customer_enabled", false))
                .put(BASE + "/internal/analysts/" + stranger + "/preferences").then().statusCode(403)
                .body("code", equalTo("ANALYST_NOT_REGISTERED"));
    }
}
