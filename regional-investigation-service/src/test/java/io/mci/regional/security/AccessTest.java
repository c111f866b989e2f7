package io.mci.regional.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.mci.regional.support.RegistryStub;
import io.mci.regional.support.TestCustomers;
import io.mci.testing.EmbeddedPostgresResource;
import io.mci.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Who may call: the federation role only (plus operators for synthetic data); operations endpoints are open. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class AccessTest {

    static final String QUERY = "/regional/v1/investigations/query";

    static ValidatableResponse postQuery(String token) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("customer_ids", List.of(TestCustomers.local(TestCustomers.LOCAL_POOL - 1))));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post(QUERY).then();
    }

    static void unauthenticated(ValidatableResponse r) {
        r.statusCode(401).header("WWW-Authenticate", containsString("Bearer")).body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401)).body("correlation_id", notNullValue()).body("message", notNullValue());
    }

    @Test
    void missingTokenIs401WithErrorBody() {
        unauthenticated(postQuery(null));
        unauthenticated(given().get("/regional/v1/comments/rrn:investigation:us:" + TestCustomers.local(0)
                + ":comment:ABCDEFGHIJKL").then());
    }

    @Test
    void invalidExpiredOrForeignTokensAre401() {
        unauthenticated(postQuery("not-a-jwt"));
        unauthenticated(postQuery(TestTokens.expired("svc", "mci-federation")));
        unauthenticated(postQuery(TestTokens.foreignIssuer("svc", "mci-federation")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mci-analyst", "mci-service", "mci-operator" })
    void otherRolesAre403WithErrorBody(String role) {
        postQuery(TestTokens.user("someone", "someone@mssp.example", role)).statusCode(403)
                .body("code", equalTo("FORBIDDEN")).body("status", equalTo(403)).body("correlation_id", notNullValue());
    }

    @Test
    void federationRoleIsServed() {
        postQuery(TestTokens.service("mci-aggregator", "mci-federation")).statusCode(200);
    }

    @Test
    void operatorMayLoadSyntheticDataButAnalystMayNot() {
        var body = Map.of("seed", 5, "customer_ids", List.of(TestCustomers.fresh()), "investigations", 3);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user("op", "op@example.com", "mci-operator"))
                .body(body).post("/regional/v1/admin/synthetic-data").then().statusCode(200)
                .body("investigations_inserted", equalTo(3));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user("an", "an@example.com", "mci-analyst"))
                .body(body).post("/regional/v1/admin/synthetic-data").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/regional/v1/investigations/query"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
