package io.mci.regional.region;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.regional.support.Api;
import io.mci.regional.support.Db;
import io.mci.regional.support.RegistryStub;
import io.mci.regional.support.TestCustomers;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;

/**
 * The home-region rule against the registry stub (reached with the client-credentials token): customers of
 * another region and RRNs of another region are 421 WRONG_REGION, unknown customers 404 UNKNOWN_CUSTOMER, and
 * nothing is written in any of these cases.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class HomeRegionTest {

    static void wrongRegion(ValidatableResponse r) {
        r.statusCode(421).body("code", equalTo("WRONG_REGION")).body("status", equalTo(421))
                .body("correlation_id", notNullValue()).body("message", notNullValue());
    }

    static void unknownCustomer(ValidatableResponse r) {
        r.statusCode(404).body("code", equalTo("UNKNOWN_CUSTOMER")).body("correlation_id", notNullValue());
    }

    @Test
    void createForCustomerOfAnotherRegionIs421AndWritesNothing() {
        long before = Db.allRows();
        wrongRegion(Api.writer().body(Map.of("organization_id", TestCustomers.foreign(0), "title", "Not here"))
                .post("/regional/v1/investigations").then());
        assertEquals(before, Db.allRows());
    }

    @Test
    void createForUnknownCustomerIs404AndWritesNothing() {
        long before = Db.allRows();
        unknownCustomer(Api.writer().body(Map.of("organization_id", TestCustomers.unknown(), "title", "Nobody's"))
                .post("/regional/v1/investigations").then());
        assertEquals(before, Db.allRows());
    }

    @Test
    void queryNamingAnyForeignCustomerIs421() {
        List<UUID> customers = List.of(TestCustomers.fresh(), TestCustomers.foreign(1));
        wrongRegion(Api.federation().body(Map.of("customer_ids", customers)).post("/regional/v1/investigations/query").then()
                .body("message", containsString("eu")));
        unknownCustomer(Api.federation().body(Map.of("customer_ids", List.of(TestCustomers.unknown())))
                .post("/regional/v1/investigations/counts").then());
    }

    @Test
    void rrnOfAnotherRegionIs421ForReadsAndWrites() {
        UUID local = TestCustomers.fresh();
        String euRrn = "rrn:investigation:eu:" + local + ":investigation:ABCDEFGHIJKL";
        wrongRegion(Api.federation().get("/regional/v1/investigations/" + euRrn).then());
        long before = Db.allRows();
        wrongRegion(Api.writer().body(Map.of("title", "x")).patch("/regional/v1/investigations/" + euRrn).then());
        wrongRegion(Api.writer().body(Map.of("target", euRrn, "body", "hello")).post("/regional/v1/comments").then());
        wrongRegion(Api.federation().queryParam("target", euRrn).get("/regional/v1/comments").then());
        assertEquals(before, Db.allRows());
    }

    @Test
    void ourRegionRrnOfForeignCustomerIs421AndOfUnknownCustomer404() {
        wrongRegion(Api.federation()
                .get("/regional/v1/investigations/rrn:investigation:us:" + TestCustomers.foreign(2) + ":investigation:ABCDEFGHIJKL")
                .then());
        unknownCustomer(Api.federation()
                .get("/regional/v1/investigations/rrn:investigation:us:" + TestCustomers.unknown() + ":investigation:ABCDEFGHIJKL")
                .then());
    }

    @Test
    void bulkCloseAndSyntheticDataForForeignCustomersChangeNothing() {
        String digest = Db.investigationsDigest();
        long before = Db.allRows();
        wrongRegion(Api.writer().body(Map.of("customer_ids", List.of(TestCustomers.foreign(3)), "source", "MANUAL",
                "from", "2020-01-01T00:00:00Z", "to", "2030-01-01T00:00:00Z"))
                .post("/regional/v1/investigations/bulk-close").then());
        wrongRegion(Api.federation().body(Map.of("seed", 1, "customer_ids", List.of(TestCustomers.foreign(4)),
                "investigations", 10)).post("/regional/v1/admin/synthetic-data").then());
        assertEquals(digest, Db.investigationsDigest());
        assertEquals(before, Db.allRows());
    }

    @Test
    void localCustomersAreServedAfterTheRegistryWasAskedWithTheServiceToken() {
        Api.federation().body(Map.of("customer_ids", List.of(TestCustomers.fresh()))).post("/regional/v1/investigations/query")
                .then().statusCode(200);
        // RegistryStub only answers requests with the token its token endpoint issued for mci-regional/secret.
        assertEquals(RegistryStub.CLIENT_TOKEN, "regional-client-token");
    }
}
