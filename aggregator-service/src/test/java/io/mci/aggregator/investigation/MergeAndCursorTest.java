package io.mci.aggregator.investigation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.FakeRegionQuery;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The merge across three regions: exact global order for every sort field and direction on data full of ties
 * (same priority, same times, same ids in several regions), by offset pages and by cursor pages, with totals
 * summed and every region asked only about its own entitled customers.
 */
@QuarkusTest
class MergeAndCursorTest extends AggregatorTest {

    private static final String WINDOW = "start_time=2024-04-01T00:00:00Z&end_time=2024-06-01T00:00:00Z";

    static Stream<Arguments> sorts() {
        return Stream.of("priority", "created_time", "rrn", "alerts_most_recent_created_time",
                "alerts_most_recent_detection_created_time")
                .flatMap(f -> Stream.of(Arguments.of(f, "ASC"), Arguments.of(f, "DESC")));
    }

    @ParameterizedTest(name = "{0},{1}")
    @MethodSource("sorts")
    void offsetPagesFollowTheGlobalOrderExactly(String field, String order) {
        Map<String, List<Map<String, Object>>> data = Fixtures.dataSet(field.hashCode(), 9);
        Fixtures.stubQueries(data);
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        List<String> expected = expectedOrder(data, field, order);

        List<String> seen = new ArrayList<>();
        int size = 7;
        for (int index = 0; seen.size() < expected.size() + size; index++) {
            JsonNode page = page(subject, "multi-customer=true&size=" + size + "&index=" + index + "&sort=" + field
                    + "," + order);
            assertEquals(expected.size(), page.at("/metadata/total_data").asInt());
            assertEquals((expected.size() + size - 1) / size, page.at("/metadata/total_pages").asInt());
            assertFalse(page.at("/metadata/partial").asBoolean());
            if (page.get("data").isEmpty()) {
                break;
            }
            page.get("data").forEach(i -> seen.add(key(i)));
        }
        assertEquals(expected, seen);
    }

    @ParameterizedTest(name = "{0},{1}")
    @MethodSource("sorts")
    void cursorPagingVisitsEveryItemExactlyOnceInOrder(String field, String order) {
        Map<String, List<Map<String, Object>>> data = Fixtures.dataSet(31L * field.hashCode() + order.hashCode(), 9);
        Fixtures.stubQueries(data);
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        List<String> expected = expectedOrder(data, field, order);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = page(subject, "multi-customer=true&size=6&sort=" + field + "," + order
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("data").forEach(i -> seen.add(key(i)));
            assertEquals(pages * 6L / 6, page.at("/metadata/index").asLong());
            cursor = page.at("/metadata/next_cursor").isNull() ? null : page.at("/metadata/next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals(expected, seen, "cursor pages must be the global order, each item once");
        assertEquals(new HashSet<>(seen).size(), seen.size());
    }

    @Test
    void tiesAcrossRegionsAreBrokenByRegionInTheRequestedDirection() {
        // The same priority, created time and id in all three regions: only the region decides.
        String created = "2024-05-02T10:00:00Z";
        Fixtures.stubQueries(Map.of(
                "us", List.of(Fixtures.item("us", Fixtures.US_ANALYST, "SAMEID000001", "HIGH",
                        java.time.Instant.parse(created), null, null, "OPEN")),
                "eu", List.of(Fixtures.item("eu", Fixtures.EU_ANALYST, "SAMEID000001", "HIGH",
                        java.time.Instant.parse(created), null, null, "OPEN")),
                "ap", List.of(Fixtures.item("ap", Fixtures.AP_ANALYST, "SAMEID000001", "HIGH",
                        java.time.Instant.parse(created), null, null, "OPEN"))));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);

        JsonNode asc = page(subject, "multi-customer=true&sort=priority,ASC");
        assertEquals(List.of("ap:SAMEID000001", "eu:SAMEID000001", "us:SAMEID000001"), keys(asc));
        JsonNode desc = page(subject, "multi-customer=true&sort=priority,DESC");
        assertEquals(List.of("us:SAMEID000001", "eu:SAMEID000001", "ap:SAMEID000001"), keys(desc));

        // Cursor pages of one across the tie: the regional 'after' must be inclusive for the regions after the cursor.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(subject, "multi-customer=true&size=1&sort=priority,DESC"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(keys(page));
            cursor = page.at("/metadata/next_cursor").isNull() ? null : page.at("/metadata/next_cursor").asText();
        } while (cursor != null && seen.size() < 10);
        assertEquals(List.of("us:SAMEID000001", "eu:SAMEID000001", "ap:SAMEID000001"), seen);
    }

    @Test
    void everyItemNamesItsCustomerAndRegionsReportTheirPart() {
        Map<String, List<Map<String, Object>>> data = Fixtures.dataSet(7, 4);
        Fixtures.stubQueries(data);
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);

        JsonNode page = page(subject, "multi-customer=true&size=100");
        for (JsonNode item : page.get("data")) {
            Fixtures.Customer owner = Fixtures.ENTITLED.stream()
                    .filter(c -> c.id().toString().equals(item.get("organization_id").asText())).findFirst().orElseThrow();
            assertEquals(owner.name(), item.at("/customer/name").asText());
            assertEquals(owner.region(), item.at("/customer/region").asText());
            assertEquals(owner.id().toString(), item.at("/customer/id").asText());
            assertTrue(item.has("version"));
            assertFalse(item.has("alerts_most_recent_detection_created_time"), "internal-only field leaked");
        }
        long sum = 0;
        for (JsonNode region : page.at("/metadata/regions")) {
            assertEquals("ok", region.get("status").asText());
            assertTrue(region.get("took_ms").asLong() >= 0);
            sum += region.get("total").asLong();
        }
        assertEquals(3, page.at("/metadata/regions").size());
        assertEquals(sum, page.at("/metadata/total_data").asLong());
        assertNull(page.at("/metadata/next_cursor").isNull() ? null : "more");
    }

    @Test
    void regionsAreAskedOnlyAboutTheirOwnEntitledCustomers() {
        Fixtures.stubQueries(Fixtures.dataSet(3, 3));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);

        JsonNode page = page(subject, "multi-customer=true&size=100");
        page.get("data").forEach(i -> assertFalse(i.get("organization_id").asText()
                .equals(Fixtures.AP_EXCLUDED.toString()), "an excluded customer's investigation was shown"));
        assertAskedAbout("us", Set.of(Fixtures.US_PRIMARY.toString(), Fixtures.US_ANALYST.toString()));
        assertAskedAbout("eu", Set.of(Fixtures.EU_ANALYST.toString(), Fixtures.EU_VIEWER.toString()));
        assertAskedAbout("ap", Set.of(Fixtures.AP_ANALYST.toString()));
    }

    @Test
    void organizationIdsNarrowTheFanOutToTheRegionsThatHomeThem() {
        Fixtures.stubQueries(Fixtures.dataSet(5, 3));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);

        JsonNode page = page(subject, "multi-customer=true&size=100&organization_ids=" + Fixtures.EU_VIEWER + ", "
                + Fixtures.AP_ANALYST);
        page.get("data").forEach(i -> assertTrue(Set.of(Fixtures.EU_VIEWER.toString(), Fixtures.AP_ANALYST.toString())
                .contains(i.get("organization_id").asText())));
        assertEquals(0, Stubs.region("us").find(WireMock.postRequestedFor(WireMock.anyUrl())).size(),
                "a region without requested customers was asked");
        assertAskedAbout("eu", Set.of(Fixtures.EU_VIEWER.toString()));
    }

    @Test
    void withoutMultiCustomerTheListIsThePrimaryCustomersOnly() {
        Fixtures.stubQueries(Fixtures.dataSet(9, 3));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);

        JsonNode page = page(subject, "size=100");
        assertTrue(page.get("data").size() > 0);
        page.get("data").forEach(i -> assertEquals(Fixtures.US_PRIMARY.toString(), i.get("organization_id").asText()));
        assertEquals(0, Stubs.region("eu").find(WireMock.postRequestedFor(WireMock.anyUrl())).size());

        JsonNode other = Fixtures.JSON.valueToTree(given().auth().oauth2(Fixtures.token(subject))
                .header("X-Customer-Id", Fixtures.EU_ANALYST.toString())
                .get("/idr/v2/investigations?size=100&" + WINDOW).then().statusCode(200).extract().as(Map.class));
        other.get("data").forEach(i -> assertEquals(Fixtures.EU_ANALYST.toString(), i.get("organization_id").asText()));
    }

    @Test
    void aCursorReusedWithOtherFiltersIsRefused() {
        Fixtures.stubQueries(Fixtures.dataSet(11, 6));
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        String cursor = page(subject, "multi-customer=true&size=3").at("/metadata/next_cursor").asText();
        assertNotNull(cursor);

        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&size=3&priorities=HIGH&cursor=" + cursor + "&" + WINDOW)
                .then().statusCode(400)
                .body("code", equalTo("CURSOR_MISMATCH"))
                .body("status", equalTo(400))
                .body("correlation_id", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&size=3&sort=created_time,ASC&cursor=" + cursor + "&" + WINDOW)
                .then().statusCode(400).body("code", equalTo("CURSOR_MISMATCH"));
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&cursor=not-a-cursor")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void offsetPagingBeyondTheWindowPointsToTheCursor() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&size=100&index=100")
                .then().statusCode(400)
                .body("code", equalTo("WINDOW_TOO_LARGE"))
                .body("message", org.hamcrest.Matchers.containsString("cursor"));
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?index=2147483647&size=100")
                .then().statusCode(400).body("code", equalTo("WINDOW_TOO_LARGE"));
        // The last page inside the window is fine.
        Fixtures.stubQueries(Map.of());
        given().auth().oauth2(Fixtures.token(subject))
                .get("/idr/v2/investigations?multi-customer=true&size=100&index=99")
                .then().statusCode(200);
    }

    @Test
    void theDefaultWindowIsTheLast28DaysUpToTheEndOfTheCurrentMinuteSoRepeatedListsAskTheSameQuestion() throws Exception {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        Fixtures.stubQueries(Map.of());
        java.time.Instant before = java.time.Instant.now();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations?multi-customer=true")
                    .then().statusCode(200);
        }
        java.time.Instant after = java.time.Instant.now();
        List<LoggedRequest> asked = Stubs.region("us").find(WireMock.postRequestedFor(
                WireMock.urlPathEqualTo("/regional/v1/investigations/query")));
        assertEquals(2, asked.size());
        List<String> windows = new ArrayList<>();
        for (LoggedRequest r : asked) {
            JsonNode body = Fixtures.JSON.readTree(r.getBodyAsString());
            java.time.Instant from = java.time.Instant.parse(body.get("created_from").asText());
            java.time.Instant to = java.time.Instant.parse(body.get("created_to").asText());
            assertEquals(to.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), to, "a whole minute: " + to);
            assertTrue(!to.isBefore(before) && !to.isAfter(after.plusSeconds(60)), to + " is the end of the current minute");
            assertEquals(to.minus(java.time.Duration.ofDays(28)), from);
            windows.add(from + ".." + to);
        }
        if (before.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(after.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            assertEquals(windows.get(0), windows.get(1), "two lists within a minute ask for the same window");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertAskedAbout(String region, Set<String> customers) {
        List<LoggedRequest> requests = Stubs.region(region).find(WireMock.postRequestedFor(
                WireMock.urlPathEqualTo("/regional/v1/investigations/query")));
        assertFalse(requests.isEmpty(), region + " was not asked");
        for (LoggedRequest r : requests) {
            try {
                JsonNode body = Fixtures.JSON.readTree(r.getBodyAsString());
                Set<String> asked = new HashSet<>();
                body.get("customer_ids").forEach(c -> asked.add(c.asText()));
                assertEquals(customers, asked, region + " was asked about other customers");
                assertNotNull(r.getHeader("Authorization"), "no service token");
                assertEquals(Fixtures.ANALYST_ID, r.getHeader("X-Actor-Id"));
                assertNotNull(r.getHeader("X-Correlation-Id"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    static JsonNode page(String subject, String query) {
        Response response = given().auth().oauth2(Fixtures.token(subject))
                .header("Accept-version", "investigations-preview")
                .get("/idr/v2/investigations?" + query + "&" + WINDOW);
        response.then().statusCode(200);
        return Fixtures.JSON.valueToTree(response.as(Map.class));
    }

    private static String key(JsonNode item) {
        return item.at("/customer/region").asText() + ":" + item.get("id").asText();
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("data").forEach(i -> keys.add(key(i)));
        return keys;
    }

    /** The documented global order (key, id, region; all in the requested direction), computed independently. */
    static List<String> expectedOrder(Map<String, List<Map<String, Object>>> data, String field, String order) {
        Set<String> entitled = new HashSet<>();
        Fixtures.ENTITLED.forEach(c -> entitled.add(c.id().toString()));
        List<JsonNode> all = new ArrayList<>();
        data.forEach((region, items) -> items.forEach(i -> {
            if (entitled.contains((String) i.get("organization_id"))) {
                com.fasterxml.jackson.databind.node.ObjectNode node = Fixtures.JSON.valueToTree(i);
                node.put("_region", region);
                all.add(node);
            }
        }));
        boolean desc = order.equals("DESC");
        all.sort((a, b) -> {
            List<Comparable<?>> ka = new ArrayList<>(FakeRegionQuery.keyForTest(field, a));
            List<Comparable<?>> kb = new ArrayList<>(FakeRegionQuery.keyForTest(field, b));
            ka.add(a.get("id").asText());
            kb.add(b.get("id").asText());
            ka.add(a.get("_region").asText());
            kb.add(b.get("_region").asText());
            return FakeRegionQuery.compareForTest(ka, kb, desc);
        });
        return all.stream().map(n -> n.get("_region").asText() + ":" + n.get("id").asText()).toList();
    }
}
