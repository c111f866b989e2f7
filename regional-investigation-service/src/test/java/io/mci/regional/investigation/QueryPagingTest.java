package io.mci.regional.investigation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mci.contract.investigation.Priority;
import io.mci.regional.support.Api;
import io.mci.regional.support.Db;
import io.mci.regional.support.RegistryStub;
import io.mci.regional.support.TestCustomers;
import io.mci.regional.support.TestInvestigation;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Keyset and offset paging of the federation query against the real database: every sort field in both
 * directions, over data full of ties, for a small customer set (per-customer plan), a large one (global plan) and,
 * for the rrn sort, a set of more than 300 customers (global plan).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(RegistryStub.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPagingTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00.123Z");
    static final List<String> FIELDS = List.of("priority", "created_time", "rrn", "alerts_most_recent_created_time",
            "alerts_most_recent_detection_created_time");

    List<UUID> small;
    List<UUID> large;
    /** More customers than the rrn sort answers per customer (300): rrn sorts take the global walk too. */
    List<UUID> region;
    final Map<String, TestInvestigation> rows = new HashMap<>();

    @BeforeAll
    void arrange() {
        small = TestCustomers.fresh(3);
        large = TestCustomers.fresh(70);
        Random random = new Random(42);
        List<TestInvestigation> all = new ArrayList<>();
        for (int k = 0; k < 45; k++) {
            all.add(tied(small.get(k % 3), random));
        }
        for (int k = 0; k < 110; k++) {
            all.add(tied(large.get(k % 70), random));
        }
        region = TestCustomers.fresh(310);
        for (UUID customer : region) {
            all.add(tied(customer, random));
        }
        Db.insert(all);
        all.forEach(t -> rows.put(t.id(), t));
    }

    /** Few distinct priorities, created times and alert times: ties everywhere. */
    static TestInvestigation tied(UUID org, Random random) {
        Priority priority = random.nextBoolean() ? Priority.HIGH : (random.nextBoolean() ? Priority.LOW : Priority.CRITICAL);
        Instant created = T0.plusMillis(random.nextInt(4));
        Instant latest = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> T0.minusSeconds(60);
            default -> T0.minusSeconds(30);
        };
        Instant detection = latest == null || random.nextBoolean() ? null : latest;
        return TestInvestigation.of(org, priority, created).alertTimes(latest, detection);
    }

    java.util.stream.Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : FIELDS) {
            for (String order : List.of("ASC", "DESC")) {
                cases.add(Arguments.of("small", field, order));
                cases.add(Arguments.of("large", field, order));
            }
        }
        cases.add(Arguments.of("region", "rrn", "ASC"));
        cases.add(Arguments.of("region", "rrn", "DESC"));
        return cases.stream();
    }


    static Comparator<TestInvestigation> order(String field, String order) {
        Comparator<Instant> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<TestInvestigation> c = switch (field) {
            case "priority" -> Comparator.<TestInvestigation>comparingInt(t -> t.priority().rank())
                    .thenComparing(TestInvestigation::createdTime).thenComparing(TestInvestigation::id);
            case "created_time" -> Comparator.comparing(TestInvestigation::createdTime).thenComparing(TestInvestigation::id);
            case "rrn" -> Comparator.comparing(TestInvestigation::rrn);
            case "alerts_most_recent_created_time" -> Comparator.comparing(TestInvestigation::latestAlertTime, nullsFirst)
                    .thenComparing(TestInvestigation::id);
            default -> Comparator.comparing(TestInvestigation::detectionTime, nullsFirst).thenComparing(TestInvestigation::id);
        };
        return order.equals("DESC") ? c.reversed() : c;
    }

    List<String> expected(List<UUID> customers, String field, String order) {
        return rows.values().stream().filter(t -> customers.contains(t.organizationId())).sorted(order(field, order))
                .map(TestInvestigation::id).toList();
    }

    static JsonPath query(Map<String, Object> body) {
        return Api.federation().body(body).post("/regional/v1/investigations/query").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> body(List<UUID> customers, String field, String order, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_ids", customers);
        body.put("sort", Map.of("field", field, "order", order));
        body.put("limit", limit);
        return body;
    }

    @ParameterizedTest(name = "{0} set, {1} {2}")
    @MethodSource("cases")
    void keysetPagingReturnsEveryRowOnceInTheDocumentedOrder(String set, String field, String order) {
        List<UUID> customers = set.equals("small") ? small : set.equals("large") ? large : region;
        List<String> seen = new ArrayList<>();
        Map<String, Object> body = body(customers, field, order, 7);
        int pages = 0;
        while (true) {
            JsonPath page = query(body);
            List<String> ids = page.getList("items.id");
            seen.addAll(ids);
            pages++;
            assertTrue(pages < 100, "paging does not end");
            if (!page.getBoolean("has_more")) {
                break;
            }
            assertEquals(7, ids.size());
            assertEquals(ids.get(ids.size() - 1), page.getString("next_after.id") == null
                    ? idOfRrn(page.getString("next_after.value")) : page.getString("next_after.id"));
            body.put("after", page.getMap("next_after"));
        }
        assertEquals(expected(customers, field, order), seen);
    }

    @ParameterizedTest(name = "{0} set, {1} {2}")
    @MethodSource("cases")
    void offsetPagingFollowsTheSameOrder(String set, String field, String order) {
        List<UUID> customers = set.equals("small") ? small : set.equals("large") ? large : region;
        List<String> seen = new ArrayList<>();
        for (int offset = 0;; offset += 20) {
            Map<String, Object> body = body(customers, field, order, 20);
            body.put("offset", offset);
            body.put("include_total", true);
            JsonPath page = query(body);
            assertEquals(expected(customers, field, order).size(), page.getInt("total"));
            seen.addAll(page.getList("items.id"));
            if (!page.getBoolean("has_more")) {
                break;
            }
        }
        assertEquals(expected(customers, field, order), seen);
    }

    @ParameterizedTest(name = "{0} set, {1} {2}")
    @MethodSource("cases")
    void inclusivePositionStartsAtTheItemAndExclusiveAfterIt(String set, String field, String order) {
        List<UUID> customers = set.equals("small") ? small : set.equals("large") ? large : region;
        List<String> expected = expected(customers, field, order);
        Map<String, Object> first = body(customers, field, order, 10);
        JsonPath page = query(first);
        Map<String, Object> position = new HashMap<>(page.getMap("next_after"));
        String tenth = expected.get(9);

        position.put("inclusive", true);
        first.put("after", position);
        assertEquals(expected.subList(9, 14), query(withLimit(first, 5)).getList("items.id"));
        assertEquals(tenth, expected.get(9));

        position.put("inclusive", false);
        first.put("after", position);
        assertEquals(expected.subList(10, 15), query(withLimit(first, 5)).getList("items.id"));
    }

    @Test
    void keysetPagingSeesEveryExistingRowOnceWhileRowsAreInserted() {
        UUID customer = TestCustomers.fresh();
        Random random = new Random(7);
        List<TestInvestigation> before = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            before.add(tied(customer, random));
        }
        Db.insert(before);
        Map<String, Object> body = body(List.of(customer), "priority", "DESC", 6);
        List<String> seen = new ArrayList<>();
        int round = 0;
        while (true) {
            JsonPath page = query(body);
            seen.addAll(page.getList("items.id"));
            // Between pages, new investigations arrive with every priority and created time (before and after the cursor).
            List<TestInvestigation> arriving = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                arriving.add(tied(customer, random));
            }
            Db.insert(arriving);
            round++;
            if (!page.getBoolean("has_more") || round > 50) {
                break;
            }
            body.put("after", page.getMap("next_after"));
        }
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "an item was returned twice");
        for (TestInvestigation t : before) {
            assertTrue(unique.contains(t.id()), "an existing item was skipped");
        }
    }

    @Test
    void nextAfterIsNullAndHasMoreFalseOnAnEmptyPage() {
        Map<String, Object> body = body(List.of(TestCustomers.fresh()), "priority", "DESC", 5);
        Api.federation().body(body).post("/regional/v1/investigations/query").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("has_more", equalTo(false))
                .body("next_after", org.hamcrest.Matchers.nullValue()).body("total", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void positionsComeBackAsDocumented() {
        JsonPath page = query(body(small, "priority", "DESC", 1));
        Map<String, Object> after = page.getMap("next_after");
        assertEquals(Set.of("value", "created_time", "id", "inclusive"), after.keySet());
        assertFalse((Boolean) after.get("inclusive"));
        assertEquals(page.getString("items[0].priority"), after.get("value"));
        assertEquals(page.getString("items[0].created_time"), after.get("created_time"));
        assertTrue(((String) after.get("created_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    private static Map<String, Object> withLimit(Map<String, Object> body, int limit) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("limit", limit);
        return copy;
    }

    private static String idOfRrn(String rrn) {
        return rrn.substring(rrn.lastIndexOf(':') + 1);
    }
}
