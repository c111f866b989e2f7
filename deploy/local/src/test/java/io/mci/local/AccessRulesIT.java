package io.mci.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The licensing and access rules, end to end: roles, grants, licences, associations, the preference, partner
 * state and API keys, each changing what the analyst sees at once.
 */
@Order(4)
@ExtendWith(WholeSystem.class)
class AccessRulesIT {

    private static final String V2 = "/idr/v2/investigations/";
    private final User alice = User.named("alice");
    private final User operator = User.named(DemoData.OPERATOR);
    private final User partnerAdmin = User.named(DemoData.PARTNER_ADMIN);

    @Test
    void aViewerReadsButCannotWrite() {
        User victor = User.named("victor");
        UUID customer = ListAndSearchIT.entitledIn("us");
        String rrn = Truth.pick(customer, "status = 'OPEN'", Set.of());
        String version = Truth.investigation(rrn).get("version");
        assertEquals(200, victor.get(V2 + rrn).status());
        assertTrue(victor.ok("/idr/v2/investigations?multi-customer=true&size=1").at("/metadata/total_data").asLong() > 0);

        assertForbidden(victor.put(V2 + rrn + "/status/INVESTIGATING", null), "INSUFFICIENT_ROLE");
        assertForbidden(victor.patch(V2 + rrn, Map.of("priority", "LOW")), "INSUFFICIENT_ROLE");
        assertForbidden(victor.post("/idr/v1/comments", Map.of("target", rrn, "body", "viewer note")), "INSUFFICIENT_ROLE");
        JsonNode bulk = victor.post("/mci/v1/bulk-actions", Map.of("rrns", List.of(rrn), "status", "CLOSED")).expect(200).json();
        assertEquals("forbidden", bulk.at("/results/0/outcome").asText());
        assertEquals(version, Truth.investigation(rrn).get("version"), "nothing changed");
        assertEquals(List.of(), Truth.audit(rrn).stream().filter(a -> a.contains("victor")).toList());
    }

    @Test
    void anAnalystSeesNoneOfTheInvestigationsOfACustomerExcludedForAnyReason() {
        Http.Reply missing = alice.get(V2 + "rrn:investigation:us:" + UUID.randomUUID() + ":investigation:AAAAAAAAAAAA");
        assertEquals(404, missing.status());
        for (DemoData.Customer c : WholeSystem.demo().of(DemoData.NORTHWIND)) {
            String reason = CustomersViewIT.REASONS.get(c.situation());
            if (reason == null) {
                continue;
            }
            Set<String> theirs = Truth.rrns(List.of(c.id()), "true");
            assertTrue(!theirs.isEmpty(), c.name() + " has investigations in " + c.region());
            assertForbidden(alice.get("/idr/v2/investigations?multi-customer=true&organization_ids=" + c.id()),
                    "CUSTOMER_NOT_ENTITLED");
            assertForbidden(alice.get("/idr/v2/investigations", Map.of("X-Customer-Id", c.id().toString())), reason);
            Http.Reply one = alice.get(V2 + theirs.iterator().next());
            assertEquals(404, one.status(), c.name());
            assertEquals(withoutCorrelation(missing.json()), withoutCorrelation(one.json()),
                    "a non-entitled RRN answers exactly like a missing one");
        }
        List<JsonNode> everything = alice.everyPage("multi-customer=true&size=100&" + ListAndSearchIT.ALL_TIME);
        Set<UUID> entitled = Truth.aliceEntitled();
        everything.forEach(i -> assertTrue(entitled.contains(UUID.fromString(i.get("organization_id").asText())), i.toString()));
    }

    @Test
    void anAnalystWithoutAnyGrantSeesNothing() {
        JsonNode page = User.named("nora").ok("/idr/v2/investigations?multi-customer=true&size=100&" + ListAndSearchIT.ALL_TIME);
        assertEquals(0, page.at("/metadata/total_data").asLong());
        assertEquals(0, page.get("data").size());
    }

    @Test
    void aLapsedCustomerLicenceHidesTheCustomerAtOnceAndARenewalShowsItAgain() {
        UUID customer = ListAndSearchIT.entitledIn("eu");
        String list = "/idr/v2/investigations?multi-customer=true&size=1&" + ListAndSearchIT.ALL_TIME + "&organization_ids=" + customer;
        assertEquals(Truth.count(List.of(customer), "true"), alice.ok(list).at("/metadata/total_data").asLong());
        String license = "/entitlement/v1/operator/customers/" + customer + "/license";
        try {
            operator.entitlement("PUT", license, Map.of("status", "EXPIRED")).expect(200);
            assertForbidden(alice.get(list), "CUSTOMER_NOT_ENTITLED");
            assertEquals("CUSTOMER_LICENSE_INVALID", excludedReason(customer));
        } finally {
            operator.entitlement("PUT", license, Map.of("status", "ACTIVE",
                    "expires_at", Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())).expect(200);
        }
        assertEquals(Truth.count(List.of(customer), "true"), alice.ok(list).at("/metadata/total_data").asLong());
    }

    @Test
    void aRevokedGrantHidesTheCustomerAtOnceAndANewGrantShowsItAgain() {
        UUID customer = ListAndSearchIT.entitledIn("ap");
        UUID aliceId = DemoData.id("analyst:alice");
        String grants = "/entitlement/v1/partners/" + DemoData.NORTHWIND + "/grants";
        Map<String, Object> pair = Map.of("analyst_ids", List.of(aliceId), "customer_ids", List.of(customer));
        try {
            partnerAdmin.entitlement("POST", grants + "/revoke", pair).expect(200);
            assertEquals("NO_ACCESS_GRANT", excludedReason(customer));
            alice.ok("/idr/v2/investigations?multi-customer=true&size=100&" + ListAndSearchIT.ALL_TIME)
                    .get("data").forEach(i -> assertTrue(!i.get("organization_id").asText().equals(customer.toString())));
        } finally {
            partnerAdmin.entitlement("POST", grants, Map.of("analyst_ids", List.of(aliceId), "customer_ids",
                    List.of(customer), "role", "ANALYST")).expect(200);
        }
        assertEquals(Truth.count(List.of(customer), "true"), alice.ok("/idr/v2/investigations?multi-customer=true&size=1&"
                + ListAndSearchIT.ALL_TIME + "&organization_ids=" + customer).at("/metadata/total_data").asLong());
    }

    @Test
    void preferenceOffRemovesMultiCustomerAccessAndOnRestoresIt() {
        User pete = User.named("pete");
        String list = "/idr/v2/investigations?multi-customer=true&size=1&" + ListAndSearchIT.ALL_TIME;
        assertForbidden(pete.get(list), "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE");
        try {
            assertTrue(pete.put("/mci/v1/me/preferences", Map.of("multi_customer_enabled", true)).expect(200).json()
                    .get("multi_customer_enabled").asBoolean());
            // pete holds ANALYST in every Northwind customer: he sees what alice sees and more.
            long all = Truth.count(Truth.customers(DemoData.Situation.ENTITLED, DemoData.Situation.PRIMARY,
                    DemoData.Situation.NO_GRANT_FOR_ALICE, DemoData.Situation.NO_ROLE_FOR_ALICE), "true");
            assertEquals(all, pete.ok(list).at("/metadata/total_data").asLong());
        } finally {
            pete.put("/mci/v1/me/preferences", Map.of("multi_customer_enabled", false)).expect(200);
        }
        assertForbidden(pete.get(list), "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE");
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", pete.ok("/mci/v1/me").at("/multi_customer/denied_reason").asText());
    }

    @Test
    void aPartnerWithoutAnActiveLicenceOrWithPartnerStatusDisabledHasNoMultiCustomerAccess() {
        assertForbidden(User.named("sam").get("/idr/v2/investigations?multi-customer=true"), "PARTNER_LICENSE_INACTIVE");
        assertForbidden(User.named("tina").get("/idr/v2/investigations?multi-customer=true"), "PARTNER_STATUS_DISABLED");
    }

    @Test
    void anApiKeyWorksLikeItsAnalystsTokenAndStopsWorkingOnceRevoked() throws InterruptedException {
        JsonNode created = alice.entitlement("POST", "/entitlement/v1/me/api-keys", Map.of("name", "SOAR connector"))
                .expect(201).json();
        User soar = User.withApiKey(created.get("key").asText());
        String list = "/idr/v2/investigations?multi-customer=true&size=20&" + ListAndSearchIT.ALL_TIME;
        JsonNode byToken = alice.ok(list);
        JsonNode byKey = soar.ok(list);
        assertEquals(byToken.get("data"), byKey.get("data"));
        assertEquals(byToken.at("/metadata/total_data"), byKey.at("/metadata/total_data"));
        assertEquals("api_key", soar.ok("/mci/v1/me").get("authenticated_by").asText());

        alice.entitlement("DELETE", "/entitlement/v1/me/api-keys/" + created.get("id").asText(), null).expect(204);
        // The aggregator trusts a verified key for its cache TTL (2 s here); after it, the revocation holds.
        long deadline = System.currentTimeMillis() + 2_000 + 5_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = soar.get(list).status()) != 401) {
            Thread.sleep(200);
        }
        assertEquals(401, status, "a revoked key still works");
        JsonNode refused = soar.get(list).json();
        assertTrue(refused.hasNonNull("message") && refused.hasNonNull("correlation_id"), refused.toString());
    }

    private String excludedReason(UUID customer) {
        for (JsonNode e : alice.ok("/mci/v1/customers").get("excluded")) {
            if (e.get("id").asText().equals(customer.toString())) {
                return e.get("reason").asText();
            }
        }
        return null;
    }

    static void assertForbidden(Http.Reply reply, String code) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals(code, reply.json().get("code").asText(), reply.body());
        assertTrue(reply.json().hasNonNull("correlation_id"), reply.body());
        String message = reply.json().get("message").asText();
        assertTrue(!message.isBlank() && message.endsWith(".") && !message.contains(".."), "one clean sentence: " + message);
    }

    private static JsonNode withoutCorrelation(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("correlation_id");
        return copy;
    }
}
