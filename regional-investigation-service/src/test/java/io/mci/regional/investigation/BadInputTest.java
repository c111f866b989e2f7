package io.mci.regional.investigation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** Every kind of bad input is a 4xx with the error body, never a 500, and changes nothing. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class BadInputTest {

    static final String QUERY = "/regional/v1/investigations/query";
    long rowsBefore;
    String digestBefore;

    @BeforeEach
    void remember() {
        rowsBefore = Db.allRows();
        digestBefore = Db.investigationsDigest();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(rowsBefore, Db.allRows());
        assertEquals(digestBefore, Db.investigationsDigest());
    }

    static ValidatableResponse badRequest(ValidatableResponse r) {
        return r.statusCode(400).body("status", equalTo(400)).body("correlation_id", notNullValue())
                .body("message", notNullValue()).body(org.hamcrest.Matchers.not(containsString("Exception")))
                .body(org.hamcrest.Matchers.not(containsString("SELECT")));
    }

    static Map<String, Object> query(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer_ids", List.of(TestCustomers.local(TestCustomers.LOCAL_POOL - 2)));
        for (int k = 0; k < keyValues.length; k += 2) {
            body.put((String) keyValues[k], keyValues[k + 1]);
        }
        return body;
    }

    static ValidatableResponse postQuery(Map<String, Object> body) {
        return Api.federation().body(body).post(QUERY).then();
    }

    @Test
    void unknownEnumValuesNameTheAcceptedOnes() {
        badRequest(postQuery(query("statuses", List.of("DONE")))).body("code", equalTo("INVALID_VALUE"))
                .body("accepted", hasItem("INVESTIGATING"));
        badRequest(postQuery(query("priorities", List.of("URGENT")))).body("accepted", hasItem("CRITICAL"));
        badRequest(postQuery(query("sort", Map.of("field", "title", "order", "DESC"))))
                .body("accepted", hasItem("alerts_most_recent_detection_created_time"));
        badRequest(postQuery(query("sort", Map.of("field", "priority", "order", "UP")))).body("accepted", hasItem("ASC"));
        badRequest(Api.writer().body(Map.of("status", "REOPENED"))
                .patch("/regional/v1/investigations/rrn:investigation:us:" + TestCustomers.local(0) + ":investigation:ABCDEFGHIJKL")
                .then()).body("accepted", hasItem("WAITING"));
    }

    @Test
    void limitAndOffsetOutOfRange() {
        badRequest(postQuery(query("limit", 0))).body("message", containsString("limit"));
        badRequest(postQuery(query("limit", 1001))).body("message", containsString("limit"));
        badRequest(postQuery(query("offset", -1))).body("message", containsString("offset"));
        badRequest(postQuery(query("offset", 10_001))).body("message", containsString("offset"));
        badRequest(postQuery(query("offset", 0, "after", Map.of("value", "HIGH", "created_time",
                "2026-01-01T00:00:00Z", "id", "ABCDEFGHIJKL")))).body("message", containsString("not both"));
        badRequest(Api.federation().queryParam("limit", "5000")
                .get("/regional/v1/investigations/rrn:investigation:us:" + TestCustomers.local(0)
                        + ":investigation:ABCDEFGHIJKL/audit").then());
    }

    @Test
    void badTimestampsAndPositions() {
        badRequest(postQuery(query("created_from", "yesterday"))).body("code", equalTo("INVALID_VALUE"));
        badRequest(postQuery(query("created_from", "2026-02-01T00:00:00Z", "created_to", "2026-01-01T00:00:00Z")));
        badRequest(postQuery(query("sort", Map.of("field", "created_time"), "after",
                Map.of("value", "soon", "id", "ABCDEFGHIJKL"))));
        badRequest(postQuery(query("after", Map.of("value", "HIGH", "id", "ABCDEFGHIJKL"))))
                .body("message", containsString("created_time"));
        badRequest(postQuery(query("after", Map.of("value", "HIGH", "created_time", "2026-01-01T00:00:00Z", "id", "x"))));
    }

    @Test
    void malformedRrns() {
        badRequest(Api.federation().get("/regional/v1/investigations/rrn:investigation:us:not-a-uuid:investigation:X").then());
        badRequest(Api.federation().get("/regional/v1/comments/rrn:oops").then());
        badRequest(Api.federation().queryParam("target", "rrn:investigation:us").get("/regional/v1/comments").then());
        badRequest(postQuery(query("rrns", List.of("rrn:investigation:us:zzz"))));
        badRequest(postQuery(query("sort", Map.of("field", "rrn"), "after", Map.of("value", "not an rrn"))));
        badRequest(Api.writer().delete("/regional/v1/investigations/rrn:investigation:us:" + TestCustomers.local(0)
                + ":investigation:ABCDEFGHIJKL/alerts/rrn:alerts:us:bad").then());
    }

    @Test
    void unknownJsonFieldsAndQueryParameters() {
        badRequest(postQuery(query("status", List.of("OPEN")))).body("code", equalTo("UNKNOWN_FIELD"))
                .body("accepted", hasItem("statuses"));
        badRequest(Api.writer().body(Map.of("organization_id", TestCustomers.local(0), "title", "t", "colour", "red"))
                .post("/regional/v1/investigations").then()).body("code", equalTo("UNKNOWN_FIELD"));
        badRequest(Api.federation().queryParam("size", 5).body(query()).post(QUERY).then())
                .body("code", equalTo("UNKNOWN_PARAMETER"));
        badRequest(Api.federation().body("{\"customer_ids\": [").post(QUERY).then());
        badRequest(Api.federation().body("{\"customer_ids\": [\"not-a-uuid\"]}").post(QUERY).then());
    }

    @Test
    void emptyMissingOrOversizedCustomerSets() {
        badRequest(postQuery(Map.of("customer_ids", List.of()))).body("message", containsString("customer_ids"));
        badRequest(Api.federation().body(Map.of()).post(QUERY).then());
        List<UUID> tooMany = new ArrayList<>();
        for (int k = 0; k < 10_001; k++) {
            tooMany.add(UUID.randomUUID());
        }
        badRequest(postQuery(Map.of("customer_ids", tooMany))).body("message", containsString("10000"));
        badRequest(Api.federation().body(Map.of("customer_ids", tooMany)).post("/regional/v1/investigations/counts").then());
    }

    @Test
    void oversizedBodyIs413WithErrorBody() {
        StringBuilder huge = new StringBuilder("{\"customer_ids\": [], \"title_contains\": \"");
        huge.append("x".repeat(3 * 1024 * 1024)).append("\"}");
        Api.federation().body(huge.toString()).post(QUERY).then().statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("status", equalTo(413)).body("correlation_id", notNullValue());
    }

    @Test
    void badWriteBodies() {
        UUID customer = TestCustomers.local(TestCustomers.LOCAL_POOL - 3);
        badRequest(Api.writer().body(Map.of("organization_id", customer)).post("/regional/v1/investigations").then())
                .body("message", containsString("title"));
        badRequest(Api.writer().body(Map.of("organization_id", customer, "title", "x".repeat(1025)))
                .post("/regional/v1/investigations").then());
        badRequest(Api.writer().body(Map.of("organization_id", customer, "title", "t", "assignee", Map.of("email", "nobody")))
                .post("/regional/v1/investigations").then());
        badRequest(Api.writer().header("If-Match", "version-three").body(Map.of("title", "t"))
                .patch("/regional/v1/investigations/rrn:investigation:us:" + customer + ":investigation:ABCDEFGHIJKL").then())
                .body("code", equalTo("BAD_IF_MATCH"));
        badRequest(Api.writer().header("X-Actor-Type", "ROBOT").body(Map.of("organization_id", customer, "title", "t"))
                .post("/regional/v1/investigations").then());
        badRequest(Api.writer().body(Map.of("customer_ids", List.of(customer), "source", "MANUAL", "from",
                "2026-02-01T00:00:00Z")).post("/regional/v1/investigations/bulk-close").then());
        badRequest(Api.writer().body(Map.of("target", "rrn:investigation:us:" + customer + ":investigation:ABCDEFGHIJKL",
                "body", "")).post("/regional/v1/comments").then());
        badRequest(Api.writer().put("/regional/v1/comments/rrn:investigation:us:" + customer
                + ":comment:ABCDEFGHIJKL/visibility/SECRET").then()).body("accepted", hasItem("INTERNAL"));
        badRequest(Api.federation().body(Map.of("seed", 1, "customer_ids", List.of(customer), "investigations", -1))
                .post("/regional/v1/admin/synthetic-data").then());
    }
}
