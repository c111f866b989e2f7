package io.mci.aggregator.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mci.testing.TestTokens;

/**
 * The partner of the tests: an analyst entitled to five customers in three regions (roles ADMINISTRATOR,
 * ANALYST, VIEWER) and one excluded customer, plus data sets and stubs answering as docs/internal-api.md says.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    public static final UUID US_PRIMARY = UUID.fromString("11111111-1111-4111-8111-111111111111");
    public static final UUID US_ANALYST = UUID.fromString("22222222-2222-4222-8222-222222222222");
    public static final UUID EU_ANALYST = UUID.fromString("33333333-3333-4333-8333-333333333333");
    public static final UUID EU_VIEWER = UUID.fromString("44444444-4444-4444-8444-444444444444");
    public static final UUID AP_ANALYST = UUID.fromString("55555555-5555-4555-8555-555555555555");
    /** A customer of the partner the analyst may not see (no access grant); homed in ap. */
    public static final UUID AP_EXCLUDED = UUID.fromString("66666666-6666-4666-8666-666666666666");

    public static final String ANALYST_ID = "aaaaaaaa-0000-4000-8000-000000000001";
    public static final String EMAIL = "ana@mssp.example";

    private Fixtures() {
    }

    public record Customer(UUID id, String name, String region, String role) {
    }

    public static final List<Customer> ENTITLED = List.of(
            new Customer(US_PRIMARY, "Acme Primary", "us", "ADMINISTRATOR"),
            new Customer(US_ANALYST, "Bolt Corp", "us", "ANALYST"),
            new Customer(EU_ANALYST, "Cobalt GmbH", "eu", "ANALYST"),
            new Customer(EU_VIEWER, "Delta SA", "eu", "VIEWER"),
            new Customer(AP_ANALYST, "Echo KK", "ap", "ANALYST"));

    public static String token(String subject) {
        return TestTokens.user(subject, EMAIL, "mci-analyst");
    }

    public static String subject() {
        return "sub-" + UUID.randomUUID();
    }

    /** The decision of the test analyst; {@code allowed} false with a reason switches multi-customer off. */
    public static ObjectNode decision(String subject, boolean allowed, String deniedReason) {
        ObjectNode d = JSON.createObjectNode();
        ObjectNode analyst = d.putObject("analyst");
        analyst.put("id", ANALYST_ID).put("subject", subject).put("email", EMAIL).put("name", "Ana Lyst")
                .put("partner_id", "bbbbbbbb-0000-4000-8000-000000000001");
        ObjectNode partner = d.putObject("partner");
        partner.put("id", "bbbbbbbb-0000-4000-8000-000000000001").put("name", "Guardians MSSP");
        partner.putObject("license").put("product", "InsightIDR").put("status", "ACTIVE").putNull("expires_at");
        partner.put("license_active", true).put("partner_status_enabled", true);
        ObjectNode mc = d.putObject("multi_customer");
        mc.put("preference_enabled", allowed || !"MULTI_CUSTOMER_DISABLED_BY_PREFERENCE".equals(deniedReason))
                .put("allowed", allowed);
        if (deniedReason == null) {
            mc.putNull("denied_reason");
        } else {
            mc.put("denied_reason", deniedReason);
        }
        d.putObject("primary_customer").put("id", US_PRIMARY.toString()).put("name", "Acme Primary").put("region", "us");
        ArrayNode entitled = d.putArray("entitled");
        ArrayNode excluded = d.putArray("excluded");
        for (Customer c : ENTITLED) {
            boolean primary = c.id().equals(US_PRIMARY);
            if (!allowed && "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE".equals(deniedReason) && !primary) {
                excluded.addObject().put("id", c.id().toString()).put("name", c.name()).put("region", c.region())
                        .put("reason", deniedReason).put("detail", "Multi-customer investigations are turned off")
                        .putArray("reasons").add(deniedReason);
                continue;
            }
            entitled.addObject().put("id", c.id().toString()).put("name", c.name()).put("region", c.region())
                    .put("role", c.role()).put("primary", primary).put("can_write", !"VIEWER".equals(c.role()));
        }
        excluded.addObject().put("id", AP_EXCLUDED.toString()).put("name", "Foxtrot Ltd").put("region", "ap")
                .put("reason", "NO_ACCESS_GRANT").put("detail", "No access grant for the analyst")
                .putArray("reasons").add("NO_ACCESS_GRANT");
        return d;
    }

    public static void stubDecision(String subject) {
        stubDecision(subject, decision(subject, true, null));
    }

    public static void stubDecision(String subject, ObjectNode decision) {
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/decision"))
                .willReturn(okJson(decision.toString())));
    }

    public static void stubAssignableUsers(String subject, UUID customer, String... emailAndName) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode users = body.putArray("users");
        for (int i = 0; i < emailAndName.length; i += 2) {
            users.addObject().put("id", UUID.randomUUID().toString()).put("email", emailAndName[i])
                    .put("name", emailAndName[i + 1]).put("role", "ANALYST");
        }
        Stubs.entitlement().register(get(urlEqualTo("/entitlement/v1/internal/analysts/" + subject + "/customers/"
                + customer + "/assignable-users")).willReturn(okJson(body.toString())));
    }

    /** Every region answers the query over its part of the data set. */
    public static void stubQueries(Map<String, List<Map<String, Object>>> itemsByRegion) {
        for (String region : DownstreamStubs.REGIONS) {
            Stubs.region(region).register(post(urlPathEqualTo("/regional/v1/investigations/query"))
                    .willReturn(aResponse().withTransformers(FakeRegionQuery.NAME)
                            .withTransformerParameters(FakeRegionQuery.parameters(
                                    itemsByRegion.getOrDefault(region, List.of())))));
        }
    }

    public static String rrn(String region, UUID customer, String id) {
        return "rrn:investigation:" + region + ":" + customer + ":investigation:" + id;
    }

    /** One regional investigation item as a map (the wire form). */
    public static Map<String, Object> item(String region, UUID customer, String id, String priority, Instant created,
            Instant latestAlert, Instant detectionAlert, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rrn", rrn(region, customer, id));
        m.put("id", id);
        m.put("organization_id", customer.toString());
        m.put("title", "Investigation " + id);
        m.put("source", "ALERT");
        m.put("status", status);
        m.put("priority", priority);
        m.put("disposition", "UNDECIDED");
        m.put("assignee", null);
        m.put("created_time", created.toString());
        m.put("last_accessed", created.toString());
        m.put("first_alert_time", latestAlert == null ? null : latestAlert.toString());
        m.put("latest_alert_time", latestAlert == null ? null : latestAlert.toString());
        m.put("alerts_most_recent_detection_created_time", detectionAlert == null ? null : detectionAlert.toString());
        m.put("tags", null);
        m.put("responsibility", null);
        m.put("version", 1);
        return m;
    }

    /** A JSON item body for single-investigation stubs. */
    public static String itemJson(String region, UUID customer, String id, String priority, String status, long version) {
        try {
            return JSON.writeValueAsString(item(region, customer, id, priority, Instant.parse("2024-03-01T10:00:00Z"),
                    null, null, status)).replace("\"version\":1", "\"version\":" + version);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A data set with many ties: per region, items of its entitled customers (and of the excluded customer in ap),
     * priorities and times drawn from small sets, and ids that repeat across regions.
     */
    public static Map<String, List<Map<String, Object>>> dataSet(long seed, int perCustomer) {
        Random random = new Random(seed);
        String[] priorities = { "UNSPECIFIED", "LOW", "MEDIUM", "HIGH", "CRITICAL" };
        Instant base = Instant.parse("2024-05-01T00:00:00Z");
        Map<String, List<Map<String, Object>>> byRegion = new LinkedHashMap<>();
        List<Customer> owners = new ArrayList<>(ENTITLED);
        owners.add(new Customer(AP_EXCLUDED, "Foxtrot Ltd", "ap", null));
        for (Customer c : owners) {
            List<Map<String, Object>> items = byRegion.computeIfAbsent(c.region(), r -> new ArrayList<>());
            for (int i = 0; i < perCustomer; i++) {
                // Ids repeat across regions (ties broken by region), never within one region.
                String id = "ID" + String.format("%010d", (i * 7 + owners.indexOf(c) * 3) % 29);
                while (containsId(items, id)) {
                    id = id.substring(0, 11) + (char) ('A' + random.nextInt(26));
                }
                Instant created = base.plusSeconds(3600L * random.nextInt(6));
                Instant alert = random.nextInt(4) == 0 ? null : base.plusSeconds(60L * random.nextInt(5));
                Instant detection = random.nextInt(3) == 0 ? null : base.plusSeconds(60L * random.nextInt(3));
                items.add(item(c.region(), c.id(), id, priorities[random.nextInt(priorities.length)], created, alert,
                        detection, random.nextInt(5) == 0 ? "CLOSED" : "OPEN"));
            }
        }
        return byRegion;
    }

    private static boolean containsId(List<Map<String, Object>> items, String id) {
        return items.stream().anyMatch(m -> m.get("id").equals(id));
    }
}
