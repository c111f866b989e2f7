package io.mci.entitlement.customer;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The customer registry the regional services read: id -> home region and licence state. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RegistryTest {

    private static final String REGISTRY = BASE + "/internal/customers";

    @Test
    void listsTheCustomersHomedInARegion() {
        Partner partner = Fixtures.activePartner();
        UUID eu = Fixtures.managedCustomer(partner, "Euro", "eu");
        UUID ap = Fixtures.customer(partner, "Asia", "ap", "SUSPENDED", null, "NONE");
        as(Fixtures.service()).queryParam("region", "eu").get(REGISTRY).then().statusCode(200)
                .body("customers.id", hasItem(eu.toString()))
                .body("customers.id", not(hasItem(ap.toString())))
                .body("customers.region", everyItem(equalTo("eu")));
        as(Fixtures.service()).get(REGISTRY).then().statusCode(200)
                .body("customers.id", hasItems(eu.toString(), ap.toString(), partner.primaryId().toString()));
    }

    @Test
    void answersOneEntryWithItsEffectiveLicenceState() {
        Partner partner = Fixtures.activePartner();
        UUID expired = Fixtures.customer(partner, "Old", "ap", "ACTIVE", Fixtures.past(), "APPROVED");
        as(Fixtures.service()).get(REGISTRY + "/" + expired).then().statusCode(200)
                .body("id", equalTo(expired.toString())).body("region", equalTo("ap"))
                .body("license_status", equalTo("EXPIRED"));
        UUID open = Fixtures.managedCustomer(partner, "Open", "us");
        as(Fixtures.service()).get(REGISTRY + "/" + open).then().statusCode(200)
                .body("license_status", equalTo("ACTIVE")).body("license_expires_at", nullValue());
    }

    @Test
    void unknownCustomerIsNotFoundAndBadInputIsRefused() {
        as(Fixtures.service()).get(REGISTRY + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(Fixtures.service()).get(REGISTRY + "/not-a-uuid").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        as(Fixtures.service()).queryParam("region", "mars").get(REGISTRY).then().statusCode(400)
                .body("accepted", hasItems("us", "eu", "ap"));
        as(Fixtures.service()).queryParam("regoin", "eu").get(REGISTRY).then().statusCode(400)
                .body("code", equalTo("UNKNOWN_PARAMETER"));
    }

    @Test
    void isForServicesOnly() {
        Partner partner = Fixtures.activePartner();
        as(Fixtures.analyst(partner.adminSubject())).get(REGISTRY).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(Fixtures.operator()).get(REGISTRY).then().statusCode(403);
    }
}
