package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The Customers view counts what the regions hold; switching into one customer shows only that customer. */
@Order(3)
@ExtendWith(WholeSystem.class)
class CustomersViewIT {

    static final Map<DemoData.Situation, String> REASONS = Map.of(
            DemoData.Situation.PENDING_APPROVAL, "ASSOCIATION_PENDING_APPROVAL",
            DemoData.Situation.NOT_ASSOCIATED, "CUSTOMER_NOT_ASSOCIATED",
            DemoData.Situation.LICENSE_EXPIRED, "CUSTOMER_LICENSE_INVALID",
            DemoData.Situation.NO_GRANT_FOR_ALICE, "NO_ACCESS_GRANT",
            DemoData.Situation.NO_ROLE_FOR_ALICE, "NO_ROLE_IN_CUSTOMER");
    private static final List<String> ATTENTION = List.of("critical", "high", "medium", "low");

    private final User alice = User.named("alice");

    @Test
    void countsPerPriorityEqualTheDataAndTheCustomerNeedingAttentionComesFirst() {
        JsonNode view = alice.ok("/mci/v1/customers");
        assertFalse(view.at("/metadata/partial").asBoolean(), view.at("/metadata").toString());
        Map<UUID, Map<String, Long>> truth = Truth.openCounts(Truth.aliceEntitled());

        List<UUID> listed = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode row : view.get("customers")) {
            UUID id = UUID.fromString(row.get("id").asText());
            listed.add(id);
            assertTrue(row.get("counts_available").asBoolean());
            Map<String, Long> expected = truth.getOrDefault(id, Map.of());
            for (String priority : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNSPECIFIED")) {
                assertEquals(expected.getOrDefault(priority, 0L), row.at("/open_investigations/" + priority.toLowerCase()).asLong(),
                        priority + " of " + row.get("name").asText());
            }
            if (previous != null) {
                assertTrue(attentionOrder(previous, row) <= 0, "not attention-first: " + previous + " then " + row);
            }
            previous = row;
        }
        assertEquals(new java.util.HashSet<>(listed), Truth.aliceEntitled());
        assertTrue(view.get("customers").get(0).at("/open_investigations/critical").asLong() > 0);
    }

    @Test
    void excludedCustomersAreNamedWithTheirReason() {
        JsonNode view = alice.ok("/mci/v1/customers");
        Map<UUID, String> reasons = new HashMap<>();
        view.get("excluded").forEach(e -> {
            reasons.put(UUID.fromString(e.get("id").asText()), e.get("reason").asText());
            assertFalse(e.get("detail").asText().isBlank());
        });
        Map<UUID, String> expected = new HashMap<>();
        WholeSystem.demo().of(DemoData.NORTHWIND).stream().filter(c -> REASONS.containsKey(c.situation()))
                .forEach(c -> expected.put(c.id(), REASONS.get(c.situation())));
        assertEquals(expected, reasons);
    }

    @Test
    void switchesIntoOneCustomersContextAndListsOnlyThatCustomer() {
        UUID customer = ListAndSearchIT.entitledIn("ap");
        JsonNode context = alice.ok("/mci/v1/customers/" + customer + "/context");
        assertEquals("ap", context.at("/customer/region").asText());
        assertEquals("ANALYST", context.get("role").asText());
        assertTrue(context.get("can_write").asBoolean());

        Map<String, String> header = Map.of("X-Customer-Id", customer.toString());
        JsonNode page = alice.get("/idr/v2/investigations?size=100&" + ListAndSearchIT.ALL_TIME, header).expect(200).json();
        assertEquals(Truth.count(List.of(customer), "true"), page.at("/metadata/total_data").asLong());
        assertTrue(page.get("data").size() > 0);
        page.get("data").forEach(i -> assertEquals(customer.toString(), i.get("organization_id").asText()));
        List<String> regions = new ArrayList<>();
        page.at("/metadata/regions").forEach(r -> regions.add(r.get("region").asText()));
        assertEquals(List.of("ap"), regions, "only the customer's home region is asked");

        // Without the header the context is the partner's primary customer.
        UUID primary = Truth.customers(DemoData.Situation.PRIMARY).iterator().next();
        JsonNode own = alice.ok("/idr/v2/investigations?size=100&" + ListAndSearchIT.ALL_TIME);
        assertEquals(Truth.count(List.of(primary), "true"), own.at("/metadata/total_data").asLong());
        own.get("data").forEach(i -> assertEquals(primary.toString(), i.get("organization_id").asText()));
    }

    /** Negative when a needs attention before b: more critical, then high, medium, low open investigations. */
    private static int attentionOrder(JsonNode a, JsonNode b) {
        for (String priority : ATTENTION) {
            int c = Long.compare(b.at("/open_investigations/" + priority).asLong(), a.at("/open_investigations/" + priority).asLong());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
