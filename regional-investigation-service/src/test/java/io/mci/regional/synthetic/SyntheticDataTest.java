package io.mci.regional.synthetic;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.path.json.JsonPath;

/** The synthetic-data generator is deterministic (ids included), idempotent and realistic enough to query. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class SyntheticDataTest {

    static final String ANCHOR = "2026-06-30T12:00:00.000Z";
    /**
     * The checksum of seed 20260630 for the reserved customers, 400 investigations, 2 alerts and 1 comment each,
     * at {@link #ANCHOR}. Every test run starts from a fresh database, so matching it shows that another database
     * gets byte-identical rows.
     */
    static final String GOLDEN = "5c2673f82e1686477e8d26921a016681";

    static List<UUID> customers() {
        return List.of(TestCustomers.reserved(3), TestCustomers.reserved(1), TestCustomers.reserved(2),
                TestCustomers.reserved(0));
    }

    static JsonPath generate(List<UUID> customers, long seed, int investigations) {
        return Api.federation().body(Map.of("seed", seed, "customer_ids", customers, "investigations", investigations,
                "anchor", ANCHOR, "alerts_per_investigation", 2, "comments_per_investigation", 1))
                .post("/regional/v1/admin/synthetic-data").then().statusCode(200).extract().jsonPath();
    }

    /** A digest of every row (all columns) the generator wrote for these customers. */
    static String checksum(List<UUID> customers) {
        String[] ids = customers.stream().map(UUID::toString).toArray(String[]::new);
        return Db.text("SELECT md5("
                + " (SELECT coalesce(string_agg(i::text, '|' ORDER BY i.id), '') FROM investigation i WHERE i.organization_id::text = ANY(?))"
                + " || (SELECT coalesce(string_agg(a::text, '|' ORDER BY a.id), '') FROM alert a WHERE a.organization_id::text = ANY(?))"
                + " || (SELECT coalesce(string_agg(c::text, '|' ORDER BY c.id), '') FROM comment c WHERE c.organization_id::text = ANY(?)))",
                ids, ids, ids);
    }

    static void delete(List<UUID> customers) {
        String[] ids = customers.stream().map(UUID::toString).toArray(String[]::new);
        Db.execute("DELETE FROM comment WHERE organization_id::text = ANY(?)", (Object) ids);
        Db.execute("DELETE FROM alert WHERE organization_id::text = ANY(?)", (Object) ids);
        Db.execute("DELETE FROM investigation WHERE organization_id::text = ANY(?)", (Object) ids);
    }

    @Test
    void sameSeedCustomersCountAndAnchorGiveIdenticalRows() {
        List<UUID> customers = customers();
        JsonPath first = generate(customers, 20260630L, 400);
        assertEquals(400, first.getInt("investigations_inserted"));
        assertEquals(400, first.getInt("comments_inserted"));
        assertEquals(ANCHOR, first.getString("anchor"));
        String checksum = checksum(customers);
        System.out.println("SYNTHETIC CHECKSUM " + checksum);

        // Again: every row already exists, nothing is inserted, nothing changes.
        JsonPath again = generate(customers, 20260630L, 400);
        assertEquals(0, again.getInt("investigations_inserted"));
        assertEquals(0, again.getInt("alerts_inserted"));
        assertEquals(checksum, checksum(customers));

        // From scratch, with the customers listed in another order: the very same rows.
        delete(customers);
        generate(List.of(customers.get(2), customers.get(0), customers.get(3), customers.get(1)), 20260630L, 400);
        assertEquals(checksum, checksum(customers));
        assertEquals(GOLDEN, checksum);
    }

    @Test
    void anotherSeedGivesOtherIds() {
        List<UUID> customers = List.of(TestCustomers.reserved(5));
        generate(customers, 1L, 50);
        generate(customers, 2L, 50);
        assertEquals(100, Db.scalar("SELECT count(*) FROM investigation WHERE organization_id = ?", customers.get(0)));
    }

    @Test
    void generatedDataIsConsistentAndRealistic() {
        UUID c1 = TestCustomers.reserved(6);
        UUID c2 = TestCustomers.reserved(7);
        generate(List.of(c1, c2), 99L, 2000);
        String where = " FROM investigation WHERE organization_id IN ('" + c1 + "', '" + c2 + "')";
        assertEquals(2000, Db.scalar("SELECT count(*)" + where));
        assertEquals(4, Db.scalar("SELECT count(DISTINCT status)" + where));
        assertEquals(5, Db.scalar("SELECT count(DISTINCT priority)" + where));
        assertEquals(5, Db.scalar("SELECT count(DISTINCT source)" + where));
        assertEquals(4, Db.scalar("SELECT count(DISTINCT disposition)" + where));
        assertEquals(2, Db.scalar("SELECT count(DISTINCT organization_id)" + where));
        assertEquals(0, Db.scalar("SELECT count(*)" + where + " AND (created_time > timestamptz '" + ANCHOR
                + "' OR created_time < timestamptz '" + ANCHOR + "' - interval '90 days')"));
        long closedOld = Db.scalar("SELECT count(*)" + where + " AND status = 'CLOSED' AND created_time < timestamptz '"
                + ANCHOR + "' - interval '14 days'");
        long old = Db.scalar("SELECT count(*)" + where + " AND created_time < timestamptz '" + ANCHOR + "' - interval '14 days'");
        assertTrue(closedOld > old * 0.75, "old investigations are mostly closed");
        assertTrue(Db.scalar("SELECT count(*)" + where + " AND assignee_email IS NULL") > 0);
        assertTrue(Db.scalar("SELECT count(*)" + where + " AND tags IS NOT NULL") > 0);
        // Alert times of investigations agree with their alerts; only ALERT investigations have alerts.
        assertEquals(0, Db.scalar("SELECT count(*) FROM investigation i WHERE i.organization_id IN ('" + c1 + "', '" + c2
                + "') AND i.latest_alert_time IS DISTINCT FROM (SELECT max(created_time) FROM alert a WHERE a.investigation_id = i.id)"));
        assertEquals(0, Db.scalar("SELECT count(*) FROM investigation i WHERE i.organization_id IN ('" + c1 + "', '" + c2
                + "') AND i.alerts_most_recent_detection_created_time IS DISTINCT FROM (SELECT max(created_time) FROM alert a"
                + " WHERE a.investigation_id = i.id AND a.detection_rule_rrn IS NOT NULL)"));
        assertEquals(0, Db.scalar("SELECT count(*) FROM alert a JOIN investigation i ON i.id = a.investigation_id"
                + " WHERE i.source <> 'ALERT'"));
        // And the federation query serves it.
        Api.federation().body(Map.of("customer_ids", List.of(c1, c2), "limit", 5, "include_total", true))
                .post("/regional/v1/investigations/query").then().statusCode(200).body("total", equalTo(2000))
                .body("items[0].priority", equalTo("CRITICAL"));
    }
}
