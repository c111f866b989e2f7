package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
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

/**
 * A region goes away mid-run (its process stopped, or frozen so that it accepts connections and never answers):
 * lists say {@code partial: true} naming that region within the deadline, the other regions go on serving reads
 * and writes, and once the region is back the answers are complete again with nothing written before the stop lost.
 */
@Order(5)
@ExtendWith(WholeSystem.class)
class RegionOutageIT {

    private static final String V2 = "/idr/v2/investigations/";
    private static final String LIST = "/idr/v2/investigations?multi-customer=true&size=100&" + ListAndSearchIT.ALL_TIME;
    /** What the deadline may be exceeded by: the merge, the entitlement call and the local HTTP round trip. */
    private static final long MARGIN_MS = 500;

    private final User alice = User.named("alice");

    @Test
    void aStoppedRegionIsReportedAndTheOthersGoOnUntilItIsBackWithNothingLost() {
        LocalSystem system = WholeSystem.system();
        awaitComplete();
        UUID eu = ListAndSearchIT.entitledIn("eu");
        UUID us = ListAndSearchIT.entitledIn("us");

        // Written in eu before the outage: an investigation with a comment and a changed priority.
        String title = "Beaconing to rare domain " + UUID.randomUUID();
        String euRrn = alice.call("POST", "/idr/v2/investigations", Map.of("title", title, "priority", "LOW"),
                Map.of("X-Customer-Id", eu.toString())).expect(200).json().get("rrn").asText();
        alice.put(V2 + euRrn + "/priority/HIGH", null).expect(200);
        String comment = "Isolated the host before the outage " + UUID.randomUUID();
        alice.post("/idr/v1/comments", Map.of("target", euRrn, "body", comment)).expect(200);
        Set<UUID> entitled = Truth.aliceEntitled();
        long everything = Truth.count(entitled, "true");
        assertEquals(everything, alice.ok(LIST).at("/metadata/total_data").asLong());

        String usRrn = Truth.pick(us, "status = 'OPEN'", Set.of());
        system.stopRegion("eu");
        try {
            long started = System.nanoTime();
            JsonNode page = alice.ok(LIST);
            long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(tookMs <= deadlineMs() + MARGIN_MS, "a stopped region cost " + tookMs + " ms");
            assertTrue(page.at("/metadata/partial").asBoolean(), page.at("/metadata").toString());
            Map<String, String> statuses = statuses(page);
            assertTrue(Set.of("error", "circuit_open").contains(statuses.get("eu")), statuses.toString());
            assertEquals("ok", statuses.get("us"));
            assertEquals("ok", statuses.get("ap"));
            Set<UUID> others = inRegions(entitled, "us", "ap");
            assertEquals(Truth.count(others, "true"), page.at("/metadata/total_data").asLong(),
                    "the total counts the regions that answered");
            page.get("data").forEach(i -> assertTrue(others.contains(UUID.fromString(i.get("organization_id").asText())), i.toString()));

            // Actions on the other regions still work.
            assertEquals("WAITING", alice.put(V2 + usRrn + "/status/WAITING", null).expect(200).json().get("status").asText());
            assertEquals("WAITING", Truth.investigation(usRrn).get("status"));

            // One investigation in the stopped region: a 5xx gateway error with the error body, nothing else touched.
            Http.Reply down = alice.put(V2 + euRrn + "/status/INVESTIGATING", null);
            assertTrue(Set.of(502, 503, 504).contains(down.status()), down.body());
            assertTrue(down.json().hasNonNull("message") && down.json().hasNonNull("correlation_id"), down.body());

            // A bulk action across both: the eu item is region_unavailable, the us one is done.
            String usOther = Truth.pick(us, "status = 'OPEN'", Set.of(usRrn));
            JsonNode bulk = alice.post("/mci/v1/bulk-actions", Map.of("rrns", List.of(euRrn, usOther), "priority", "CRITICAL"))
                    .expect(200).json();
            assertEquals("region_unavailable", bulk.at("/results/0/outcome").asText(), bulk.toString());
            assertEquals("ok", bulk.at("/results/1/outcome").asText(), bulk.toString());
            assertEquals("4", Truth.investigation(usOther).get("priority"));

            // The Customers view still answers, saying whose counts it could not get.
            JsonNode view = alice.ok("/mci/v1/customers");
            assertTrue(view.at("/metadata/partial").asBoolean(), view.at("/metadata").toString());
            view.get("customers").forEach(c -> assertEquals(!"eu".equals(c.get("region").asText()),
                    c.get("counts_available").asBoolean(), c.toString()));
        } finally {
            system.restartRegion("eu");
        }

        JsonNode complete = awaitComplete();
        assertEquals(everything, complete.at("/metadata/total_data").asLong(), "every investigation is back");
        JsonNode back = alice.get(V2 + euRrn).expect(200).json();
        assertEquals(title, back.get("title").asText());
        assertEquals("HIGH", back.get("priority").asText(), "the write before the stop was kept");
        assertEquals("OPEN", back.get("status").asText(), "the refused write during the stop changed nothing");
        Set<String> bodies = new HashSet<>();
        alice.ok("/idr/v1/comments?target=" + User.encode(euRrn) + "&size=100").get("data")
                .forEach(c -> bodies.add(c.get("body").asText()));
        assertTrue(bodies.contains(comment), bodies.toString());
    }

    @Test
    void aRegionThatHangsCostsAtMostItsDeadline() {
        LocalSystem system = WholeSystem.system();
        awaitComplete();
        system.freezeRegion("ap", true);
        try {
            long started = System.nanoTime();
            JsonNode page = alice.ok(LIST);
            long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(tookMs >= deadlineMs() - 100, "answered before the deadline: was ap asked at all? " + tookMs + " ms");
            assertTrue(tookMs <= deadlineMs() + MARGIN_MS, "a hanging region cost " + tookMs + " ms");
            assertTrue(page.at("/metadata/partial").asBoolean());
            Map<String, String> statuses = statuses(page);
            assertEquals("timeout", statuses.get("ap"), statuses.toString());
            assertEquals("ok", statuses.get("us"));
            assertEquals("ok", statuses.get("eu"));
            assertEquals(Truth.count(inRegions(Truth.aliceEntitled(), "us", "eu"), "true"),
                    page.at("/metadata/total_data").asLong());
        } finally {
            system.freezeRegion("ap", false);
        }
        awaitComplete();
    }

    /** Lists until no region is missing (a breaker may still be open for its delay); the complete page. */
    private JsonNode awaitComplete() {
        long until = System.currentTimeMillis() + 30_000;
        JsonNode page;
        do {
            page = alice.ok(LIST);
            if (!page.at("/metadata/partial").asBoolean()) {
                return page;
            }
            sleep(250);
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("still partial 30 s after the region came back: " + page.at("/metadata"));
    }

    private static long deadlineMs() {
        return Duration.parse(WholeSystem.DEADLINE).toMillis();
    }

    private static Map<String, String> statuses(JsonNode page) {
        Map<String, String> statuses = new HashMap<>();
        page.at("/metadata/regions").forEach(r -> statuses.put(r.get("region").asText(), r.get("status").asText()));
        return statuses;
    }

    private static Set<UUID> inRegions(Set<UUID> customers, String... regions) {
        Set<String> wanted = Set.of(regions);
        Map<UUID, String> homes = Truth.homes();
        return customers.stream().filter(c -> wanted.contains(homes.get(c))).collect(Collectors.toSet());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
