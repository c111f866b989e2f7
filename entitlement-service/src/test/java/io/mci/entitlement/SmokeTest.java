package io.mci.entitlement;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SmokeTest {

    @Test
    void entitlesGrantedCustomer() {
        var partner = Fixtures.activePartner();
        UUID customer = Fixtures.managedCustomer(partner, "Acme", "eu");
        String subject = Fixtures.unique("analyst");
        UUID analyst = Fixtures.analystOf(partner, subject);
        Fixtures.grant(partner, List.of(analyst), List.of(partner.primaryId(), customer), "ANALYST");
        as(Fixtures.analyst(subject)).get(BASE + "/me/decision").then().log().body().statusCode(200)
                .body("entitled", hasSize(2)).body("entitled[1].id", equalTo(customer.toString()));
    }
}
