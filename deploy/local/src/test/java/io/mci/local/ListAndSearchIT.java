package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** An analyst lists, filters, searches and pages through every customer's investigations in all regions. */
@Order(1)
@ExtendWith(WholeSystem.class)
class ListAndSearchIT {

    static final String ALL_TIME = "start_time=2000-01-01T00:00:00Z";
    private static final List<String> PRIORITIES = List.of("UNSPECIFIED", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final User alice = User.named("alice");

    @Test
    void listsEveryEntitledInvestigationOfTheThreeRegionsSortedByPriority() {
        Set<UUID> entitled = Truth.aliceEntitled();
        JsonNode page = alice.ok("/idr/v2/investigations?multi-customer=true&size=100&" + ALL_TIME);

        assertEquals(Truth.count(entitled, "true"), page.at("/metadata/total_data").asLong(),
                "total = every investigation of alice's entitled customers in the three databases");
        assertFalse(page.at("/metadata/partial").asBoolean());
        Set<String> regions = new HashSet<>();
        page.at("/metadata/regions").forEach(r -> {
            assertEquals("ok", r.get("status").asText(), r.toString());
            regions.add(r.get("region").asText());
        });
        assertEquals(Set.of("us", "eu", "ap"), regions);
        assertEquals(100, page.get("data").size());
        Set<String> servedRegions = new HashSet<>();
        JsonNode previous = null;
        for (JsonNode item : page.get("data")) {
            UUID customer = UUID.fromString(item.get("organization_id").asText());
            assertTrue(entitled.contains(customer), "an item of a customer alice is not entitled to: " + item);
            assertEquals(customer.toString(), item.at("/customer/id").asText());
            assertEquals(Truth.homes().get(customer), item.at("/customer/region").asText());
            servedRegions.add(item.at("/customer/region").asText());
            if (previous != null) {
                assertTrue(priorityOrder(previous, item) >= 0, "not sorted by priority, created_time: " + previous + " then " + item);
            }
            previous = item;
        }
        assertEquals(Set.of("us", "eu", "ap"), servedRegions, "the first page merges all three regions");
    }

    @Test
    void filtersByCustomerStatusPriorityAssigneeAndTime() {
        Set<UUID> entitled = Truth.aliceEntitled();
        UUID customer = entitledIn("eu");
        assertEquals(Truth.count(Set.of(customer), "true"),
                total("organization_ids=" + customer + "&" + ALL_TIME), "by customer");
        assertEquals(Truth.count(entitled, "status IN ('OPEN', 'WAITING')"), total("statuses=OPEN,WAITING&" + ALL_TIME),
                "by status");
        assertEquals(Truth.count(entitled, "priority = 3"), total("priorities=HIGH&" + ALL_TIME), "by priority");

        List<String> assignees = new ArrayList<>();
        Truth.query("us", "SELECT assignee_email FROM investigation WHERE assignee_email IS NOT NULL "
                + "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", List.of(), rs -> assignees.add(rs.getString(1)));
        String email = assignees.get(0);
        long byAssignee = total("assignee.email=" + User.encode(email) + "&" + ALL_TIME);
        assertEquals(Truth.count(entitled, "lower(assignee_email) = lower(?)", email), byAssignee, "by assignee");
        assertTrue(byAssignee > 0);

        OffsetDateTime from = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusDays(7);
        long inWindow = total("start_time=" + from.toInstant() + "&end_time=" + to.toInstant());
        assertEquals(Truth.count(entitled, "created_time >= ? AND created_time <= ?", from, to), inWindow, "by time");
        assertTrue(inWindow > 0);

        assertEquals(Truth.count(Set.of(customer), "status = 'OPEN' AND priority >= 3"),
                total("organization_ids=" + customer + "&statuses=OPEN&priorities=HIGH,CRITICAL&" + ALL_TIME), "combined");
    }

    @Test
    void searchesByTitle() {
        Set<UUID> entitled = Truth.aliceEntitled();
        JsonNode reply = alice.post("/idr/v2/investigations/_search?multi-customer=true&size=100",
                Map.of("search", List.of(Map.of("field", "title", "operator", "CONTAINS", "value", "phishing")),
                        "start_time", "2000-01-01T00:00:00Z")).expect(200).json();
        long expected = Truth.count(entitled, "title ILIKE '%phishing%'");
        assertTrue(expected > 0, "the demo data has phishing investigations");
        assertEquals(expected, reply.at("/metadata/total_data").asLong());
        reply.get("data").forEach(item -> assertTrue(item.get("title").asText().toLowerCase().contains("phishing"), item.toString()));
    }

    @Test
    void pagesThroughEverythingWithTheCursorAndSeesEachInvestigationOnce() {
        List<JsonNode> items = alice.everyPage("multi-customer=true&size=100&sort=created_time,ASC&" + ALL_TIME);
        List<String> rrns = items.stream().map(i -> i.get("rrn").asText()).toList();
        assertEquals(rrns.size(), new HashSet<>(rrns).size(), "an investigation was served twice");
        assertEquals(Truth.rrns(Truth.aliceEntitled(), "true"), new HashSet<>(rrns), "every investigation exactly once");
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).get("created_time").asText().compareTo(items.get(i).get("created_time").asText()) <= 0,
                    "pages out of order at " + i);
        }
    }

    @Test
    void thePrintedCurlLineWorks() throws Exception {
        LocalSystem system = WholeSystem.system();
        String line = Banner.curlLine(system.tokenUrl(), system.aggregatorUrl());
        Process curl = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), out);
        JsonNode reply = Http.JSON.readTree(out);
        assertEquals(5, reply.get("data").size(), out);
        assertTrue(reply.at("/metadata/total_data").asLong() > 5);
        Set<String> customers = new HashSet<>();
        reply.get("data").forEach(i -> customers.add(i.get("organization_id").asText()));
        assertTrue(Truth.aliceEntitled().stream().map(UUID::toString).collect(Collectors.toSet()).containsAll(customers));
    }

    private long total(String query) {
        return alice.ok("/idr/v2/investigations?multi-customer=true&size=1&" + query).at("/metadata/total_data").asLong();
    }

    static UUID entitledIn(String region) {
        return WholeSystem.demo().of(DemoData.NORTHWIND).stream()
                .filter(c -> c.situation() == DemoData.Situation.ENTITLED && c.region().equals(region))
                .map(DemoData.Customer::id).findFirst().orElseThrow();
    }

    /** Positive when a comes before b in priority DESC order (rank, then created_time). */
    private static int priorityOrder(JsonNode a, JsonNode b) {
        int byRank = Integer.compare(PRIORITIES.indexOf(a.get("priority").asText()), PRIORITIES.indexOf(b.get("priority").asText()));
        return byRank != 0 ? byRank : a.get("created_time").asText().compareTo(b.get("created_time").asText());
    }
}
