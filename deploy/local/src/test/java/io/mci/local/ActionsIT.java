package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** An analyst acts on investigations of several customers in several regions and sees the changes. */
@Order(2)
@ExtendWith(WholeSystem.class)
class ActionsIT {

    private static final String V2 = "/idr/v2/investigations/";
    private static final Set<String> USED = new HashSet<>();
    private final User alice = User.named("alice");

    @Test
    void setsStatusAssigneePriorityAndDispositionAndSeesThemInTheNextList() {
        UUID customer = ListAndSearchIT.entitledIn("eu");
        String rrn = use(Truth.pick(customer, "status = 'OPEN' AND priority < 4 AND assignee_email IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.investigation_id = investigation.id)", USED));
        long version = alice.get(V2 + rrn).expect(200).json().get("version").asLong();

        JsonNode users = alice.ok("/mci/v1/customers/" + customer + "/assignable-users").get("users");
        List<String> emails = new ArrayList<>();
        users.forEach(u -> emails.add(u.get("email").asText()));
        assertTrue(emails.contains("paula@mssp.example") && !emails.contains("victor@mssp.example"),
                "assignable: ANALYST and ADMINISTRATOR holders, not VIEWERs: " + emails);

        assertEquals("INVESTIGATING", alice.put(V2 + rrn + "/status/INVESTIGATING", null).expect(200).json().get("status").asText());
        assertEquals("paula@mssp.example", alice.put(V2 + rrn + "/assignee", Map.of("user_email_address", "paula@mssp.example"))
                .expect(200).json().at("/assignee/email").asText());
        assertEquals("CRITICAL", alice.put(V2 + rrn + "/priority/CRITICAL", null).expect(200).json().get("priority").asText());
        JsonNode last = alice.put(V2 + rrn + "/disposition/MALICIOUS", null).expect(200).json();
        assertEquals(version + 4, last.get("version").asLong());

        JsonNode listed = alice.ok("/idr/v2/investigations?multi-customer=true&size=100&" + ListAndSearchIT.ALL_TIME
                + "&organization_ids=" + customer + "&assignee.email=paula@mssp.example&priorities=CRITICAL&statuses=INVESTIGATING");
        JsonNode item = find(listed, rrn);
        assertEquals("MALICIOUS", item.get("disposition").asText());
        assertEquals(Map.of("status", "INVESTIGATING", "priority", "4", "disposition", "MALICIOUS",
                "assignee_email", "paula@mssp.example"), withoutTitleAndVersion(Truth.investigation(rrn)));
        List<String> audit = Truth.audit(rrn);
        assertEquals(4, audit.size(), audit.toString());
        audit.forEach(row -> assertTrue(row.startsWith("UPDATE alice@mssp.example"), row));

        // A write that names a version that is no longer current changes nothing.
        Http.Reply stale = alice.call("PATCH", V2 + rrn, Map.of("priority", "LOW"), Map.of("If-Match", "\"" + version + "\""));
        assertEquals(412, stale.status(), stale.body());
        assertTrue(stale.json().hasNonNull("correlation_id"));
        assertEquals("4", Truth.investigation(rrn).get("priority"));
    }

    @Test
    void closesWithADisposition() {
        UUID customer = ListAndSearchIT.entitledIn("us");
        String rrn = use(Truth.pick(customer, "status = 'OPEN'", USED));
        JsonNode closed = alice.patch(V2 + rrn, Map.of("status", "CLOSED", "disposition", "BENIGN")).expect(200).json();
        assertEquals("CLOSED", closed.get("status").asText());
        assertEquals("BENIGN", closed.get("disposition").asText());
        assertEquals("CLOSED", Truth.investigation(rrn).get("status"));
        assertEquals("BENIGN", Truth.investigation(rrn).get("disposition"));
        find(alice.ok("/idr/v2/investigations?multi-customer=true&size=100&statuses=CLOSED"
                + "&organization_ids=" + customer + "&sort=created_time,ASC&start_time=" + closed.get("created_time").asText()), rrn);
    }

    @Test
    void commentsOnAnInvestigation() {
        UUID customer = ListAndSearchIT.entitledIn("ap");
        String rrn = use(Truth.pick(customer, "true", USED));
        String body = "Contained on host-17; see ticket " + UUID.randomUUID();
        JsonNode comment = alice.post("/idr/v1/comments", Map.of("target", rrn, "body", body)).expect(200).json();
        assertEquals(rrn, comment.get("target").asText());
        assertEquals("USER", comment.at("/creator/type").asText());
        JsonNode listed = alice.ok("/idr/v1/comments?target=" + User.encode(rrn) + "&size=100");
        List<String> bodies = new ArrayList<>();
        listed.get("data").forEach(c -> bodies.add(c.get("body").asText()));
        assertTrue(bodies.contains(body), bodies.toString());
        List<String> stored = new ArrayList<>();
        Truth.query("ap", "SELECT body FROM comment WHERE rrn = ?", List.of(comment.get("rrn").asText()),
                rs -> stored.add(rs.getString(1)));
        assertEquals(List.of(body), stored, "the comment is stored in the customer's home region");
    }

    @Test
    void bulkClosesAcrossCustomersInTwoRegions() {
        List<String> rrns = new ArrayList<>();
        for (String region : List.of("us", "eu")) {
            UUID customer = ListAndSearchIT.entitledIn(region);
            rrns.add(use(Truth.pick(customer, "status <> 'CLOSED'", USED)));
            rrns.add(use(Truth.pick(customer, "status <> 'CLOSED'", USED)));
        }
        UUID another = WholeSystem.demo().of(DemoData.NORTHWIND).stream()
                .filter(c -> c.situation() == DemoData.Situation.ENTITLED && c.region().equals("eu")).skip(1)
                .map(DemoData.Customer::id).findFirst().orElseThrow();
        rrns.add(use(Truth.pick(another, "status <> 'CLOSED'", USED)));

        JsonNode result = alice.post("/mci/v1/bulk-actions", Map.of("rrns", rrns, "status", "CLOSED",
                "disposition", "NOT_APPLICABLE")).expect(200).json();
        assertEquals(rrns.size(), result.at("/summary/ok").asInt(), result.toString());
        for (String rrn : rrns) {
            assertEquals("CLOSED", Truth.investigation(rrn).get("status"), rrn);
        }
        JsonNode search = alice.post("/idr/v2/investigations/_search?multi-customer=true&size=100", Map.of(
                "search", List.of(Map.of("field", "rrn", "operator", "IN", "value", rrns)),
                "start_time", "2000-01-01T00:00:00Z")).expect(200).json();
        assertEquals(rrns.size(), search.get("data").size(), search.toString());
        search.get("data").forEach(i -> {
            assertEquals("CLOSED", i.get("status").asText());
            assertEquals("NOT_APPLICABLE", i.get("disposition").asText());
        });
    }

    @Test
    void bulkClosesByTheV2CriteriaInOneCustomersContext() {
        UUID customer = ListAndSearchIT.entitledIn("ap");
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(30, ChronoUnit.DAYS);
        String where = "status <> 'CLOSED' AND source = 'MANUAL' AND created_time >= ? AND created_time <= ?";
        Set<String> expected = Truth.rrns(List.of(customer), where, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        assertTrue(!expected.isEmpty(), "the demo data has open manual investigations in the window");

        JsonNode closed = alice.call("POST", V2 + "bulk_close", Map.of("source", "MANUAL", "from", from.toString(),
                "to", to.toString(), "max_investigations_to_close", 10_000), Map.of("X-Customer-Id", customer.toString()))
                .expect(200).json();
        assertEquals(expected.size(), closed.get("num_closed").asInt());
        Set<String> closedRrns = new HashSet<>();
        closed.get("rrns").forEach(r -> closedRrns.add(r.asText()));
        assertEquals(expected, closedRrns);
        assertEquals(0, Truth.count(List.of(customer), where, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
        USED.addAll(expected);
    }

    @Test
    void createsAnInvestigationInTheCustomersHomeRegion() {
        UUID customer = ListAndSearchIT.entitledIn("eu");
        String title = "Suspicious OAuth consent " + UUID.randomUUID();
        JsonNode created = alice.call("POST", "/idr/v2/investigations", Map.of("title", title, "priority", "HIGH"),
                Map.of("X-Customer-Id", customer.toString())).expect(200).json();
        String rrn = created.get("rrn").asText();
        assertTrue(rrn.startsWith("rrn:investigation:eu:" + customer + ":investigation:"), rrn);
        assertEquals(title, Truth.investigation(rrn).get("title"));
        JsonNode inContext = alice.get("/idr/v2/investigations?size=100&priorities=HIGH&sort=created_time,DESC&start_time="
                + created.get("created_time").asText(), Map.of("X-Customer-Id", customer.toString())).expect(200).json();
        assertEquals(customer.toString(), find(inContext, rrn).at("/customer/id").asText());
    }

    private static String use(String rrn) {
        USED.add(rrn);
        return rrn;
    }

    private static JsonNode find(JsonNode page, String rrn) {
        for (JsonNode item : page.get("data")) {
            if (item.get("rrn").asText().equals(rrn)) {
                return item;
            }
        }
        throw new AssertionError(rrn + " not in the list: " + page);
    }

    private static Map<String, String> withoutTitleAndVersion(Map<String, String> row) {
        Map<String, String> copy = new java.util.HashMap<>(row);
        copy.remove("title");
        copy.remove("version");
        return copy;
    }
}
