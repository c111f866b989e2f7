package io.mci.entitlement.security;

import static io.mci.entitlement.Fixtures.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.testing.EmbeddedPostgresResource;
import io.mci.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every API call needs a valid token with the right role; health, OpenAPI and metrics stay open. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SecurityTest {

    @Test
    void callsWithoutTokenAreUnauthenticatedWithTheErrorBody() {
        given().get(BASE + "/me/decision").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED")).body("status", equalTo(401))
                .body("correlation_id", notNullValue()).body("message", notNullValue());
        given().get(BASE + "/operator/partners").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void expiredAndForeignTokensAreUnauthenticated() {
        given().auth().oauth2(TestTokens.expired("x", "mci-analyst")).get(BASE + "/me/decision").then()
                .statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(TestTokens.foreignIssuer("x", "mci-operator")).get(BASE + "/operator/partners").then()
                .statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void wrongRoleIsForbiddenWithTheErrorBody() {
        given().auth().oauth2(Fixtures.analyst("someone")).get(BASE + "/operator/partners").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN")).body("correlation_id", notNullValue());
        given().auth().oauth2(Fixtures.customerAdmin("someone")).get(BASE + "/me/decision").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void correlationIdIsEchoed() {
        given().header("X-Correlation-Id", "corr-123").get(BASE + "/me/decision").then().statusCode(401)
                .header("X-Correlation-Id", "corr-123").body("correlation_id", equalTo("corr-123"));
    }

    @Test
    void unknownPathIsNotFoundWithTheErrorBody() {
        given().auth().oauth2(Fixtures.operator()).get(BASE + "/operator/nothing-here").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND")).body("correlation_id", notNullValue());
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/entitlement/v1/me/decision"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("mci_entitlement_api_key_verifications_total"))
                .body(not(containsString("mci_[0-9a-f]")));
    }
}
