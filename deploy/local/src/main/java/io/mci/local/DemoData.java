package io.mci.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo world, created only through the services' own APIs: three MSSP partners (one in good
 * standing, one with a lapsed licence, one with partner status disabled), about 40 customers of the first
 * spread over the regions with some excluded for each reason, analysts with different roles and grants,
 * and investigations with alerts and comments from each region's deterministic generator.
 */
public final class DemoData {

    /** What each demo customer is there to show. */
    public enum Situation {
        ENTITLED, PENDING_APPROVAL, NOT_ASSOCIATED, LICENSE_EXPIRED, NO_GRANT_FOR_ALICE, NO_ROLE_FOR_ALICE, PRIMARY
    }

    /** A demo customer: id, name, home region, owning partner, and its situation for analyst alice. */
    public record Customer(UUID id, String name, String region, UUID partnerId, Situation situation) {
    }

    /** What the demo holds and how to use it. */
    public record Summary(List<Customer> customers, int investigations, String aliceApiKey) {

        public List<Customer> of(UUID partnerId) {
            return customers.stream().filter(c -> c.partnerId().equals(partnerId)).toList();
        }
    }

    public static final UUID NORTHWIND = id("partner:northwind");
    public static final UUID SOUTHWIND = id("partner:southwind");
    public static final UUID TAILWIND = id("partner:tailwind");
    public static final String OPERATOR = "olivia";
    public static final String PARTNER_ADMIN = "paula";
    public static final String CUSTOMER_ADMIN = "carl";

    /** Demo users of the realm: username -> OIDC subject (fixed ids in deploy/keycloak/mci-realm.json). */
    public static final Map<String, String> SUBJECTS = Map.of(
            "olivia", "00000000-0000-4000-8000-000000000001", "paula", "00000000-0000-4000-8000-000000000002",
            "alice", "00000000-0000-4000-8000-000000000003", "victor", "00000000-0000-4000-8000-000000000004",
            "nora", "00000000-0000-4000-8000-000000000005", "carl", "00000000-0000-4000-8000-000000000006",
            "bob", "00000000-0000-4000-8000-000000000007", "pete", "00000000-0000-4000-8000-000000000008",
            "sam", "00000000-0000-4000-8000-000000000009", "tina", "00000000-0000-4000-8000-000000000010");

    private static final String[] NAMES = {"Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Industries",
        "Wayne Enterprises", "Cyberdyne", "Soylent Foods", "Tyrell Systems", "Hooli", "Pied Piper", "Vandelay Imports",
        "Wonka Confections", "Oceanic Air", "Massive Dynamic", "Aperture Labs", "Black Mesa", "Gringotts Bank",
        "Monarch Solutions", "Nakatomi Trading", "Oscorp", "Prestige Worldwide", "Sirius Cybernetics", "Virtucon",
        "Dunder Mifflin", "Bluth Company", "Kramerica", "Ollivanders", "Planet Express", "Rekall", "Spacely Sprockets",
        "Cogswell Cogs", "Duff Brewing", "Gekko & Co", "Krusty Krab", "Los Pollos Hermanos", "Morley Tobacco",
        "Nuka-Cola", "Paper Street Soap", "Quahog Cable"};

    private DemoData() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("mci-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** Seeds on the first run (remembered by a marker in the data folder); always makes a fresh demo API key. */
    static Summary ensure(LocalSystem system, Path dataDir) throws IOException {
        Path marker = dataDir.resolve("demo-seeded.txt");
        List<Customer> customers = customers(system.regions());
        int investigations;
        if (Files.exists(marker)) {
            investigations = Integer.parseInt(Files.readString(marker).trim());
        } else {
            investigations = 20_000;
            seed(system, customers, investigations, 42L);
            Files.createDirectories(dataDir);
            Files.writeString(marker, String.valueOf(investigations));
        }
        return new Summary(customers, investigations, createApiKey(system, "alice", "demo key " + Instant.now()));
    }

    /** The demo customers, deterministic: the same ids, names, regions and situations on every machine. */
    public static List<Customer> customers(List<String> regions) {
        List<Customer> list = new ArrayList<>();
        list.add(new Customer(id("customer:northwind-primary"), "Northwind MSSP (primary)", regions.get(0), NORTHWIND,
                Situation.PRIMARY));
        for (int i = 0; i < NAMES.length; i++) {
            Situation situation = switch (i) {
                case 5, 6 -> Situation.PENDING_APPROVAL;
                case 9, 10 -> Situation.NOT_ASSOCIATED;
                case 13, 14 -> Situation.LICENSE_EXPIRED;
                case 17, 18 -> Situation.NO_GRANT_FOR_ALICE;
                case 21, 22 -> Situation.NO_ROLE_FOR_ALICE;
                default -> Situation.ENTITLED;
            };
            list.add(new Customer(id("customer:" + i), NAMES[i], regions.get(i % regions.size()), NORTHWIND, situation));
        }
        list.add(new Customer(id("customer:southwind-primary"), "Southwind MSSP (primary)", regions.get(1 % regions.size()),
                SOUTHWIND, Situation.PRIMARY));
        list.add(new Customer(id("customer:southwind-1"), "Harbor Freight Logistics", regions.get(2 % regions.size()),
                SOUTHWIND, Situation.ENTITLED));
        list.add(new Customer(id("customer:tailwind-primary"), "Tailwind MSSP (primary)", regions.get(2 % regions.size()),
                TAILWIND, Situation.PRIMARY));
        list.add(new Customer(id("customer:tailwind-1"), "Summit Outfitters", regions.get(0), TAILWIND,
                Situation.ENTITLED));
        return list;
    }

    /** Everything through the APIs, as an operator, a customer administrator and a partner administrator would. */
    public static void seed(LocalSystem system, List<Customer> customers, int investigations, long seed) {
        Api operator = new Api(system.entitlementUrl(), system.userToken(OPERATOR));
        Instant nextYear = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant lastMonth = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        createPartner(operator, NORTHWIND, "Northwind MSSP", "ACTIVE", nextYear, true, primaryOf(customers, NORTHWIND));
        createPartner(operator, SOUTHWIND, "Southwind MSSP", "EXPIRED", lastMonth, true, primaryOf(customers, SOUTHWIND));
        createPartner(operator, TAILWIND, "Tailwind MSSP", "ACTIVE", nextYear, false, primaryOf(customers, TAILWIND));

        String carl = SUBJECTS.get(CUSTOMER_ADMIN);
        Api customerAdmin = new Api(system.entitlementUrl(), system.userToken(CUSTOMER_ADMIN));
        for (Customer c : customers) {
            if (c.situation() == Situation.PRIMARY) {
                continue;
            }
            boolean expired = c.situation() == Situation.LICENSE_EXPIRED;
            operator.post("/entitlement/v1/operator/customers", Map.of("id", c.id(), "name", c.name(), "region",
                    c.region(), "license", Map.of("status", expired ? "EXPIRED" : "ACTIVE", "expires_at",
                            (expired ? lastMonth : nextYear).toString())), 201, 409);
            operator.post("/entitlement/v1/operator/customers/" + c.id() + "/administrators",
                    Map.of("subject", carl, "email", "carl@customer.example", "name", "Carl Customer-Admin"), 201, 409);
            operator.post("/entitlement/v1/operator/customers/" + c.id() + "/association",
                    Map.of("partner_id", c.partnerId()), 200, 409);
            if (c.situation() != Situation.PENDING_APPROVAL) {
                customerAdmin.post("/entitlement/v1/customers/" + c.id() + "/association/approve", null, 200, 409);
            }
            if (c.situation() == Situation.NOT_ASSOCIATED) {
                operator.post("/entitlement/v1/operator/customers/" + c.id() + "/association/revoke", null, 200, 409);
            }
        }

        Map<String, UUID> analysts = new LinkedHashMap<>();
        registerAnalysts(operator, NORTHWIND, List.of("paula", "alice", "victor", "nora", "bob", "pete"), analysts);
        registerAnalysts(operator, SOUTHWIND, List.of("sam"), analysts);
        registerAnalysts(operator, TAILWIND, List.of("tina"), analysts);

        Api partnerAdmin = new Api(system.entitlementUrl(), system.userToken(PARTNER_ADMIN));
        List<Customer> northwind = customers.stream().filter(c -> c.partnerId().equals(NORTHWIND)).toList();
        List<UUID> all = northwind.stream().map(Customer::id).toList();
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("paula")), all, "ADMINISTRATOR");
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("victor")), all, "VIEWER");
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("pete")), all, "ANALYST");
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("bob")), all.subList(0, all.size() / 2), "ANALYST");
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("alice")), northwind.stream()
                .filter(c -> c.situation() != Situation.NO_GRANT_FOR_ALICE && c.situation() != Situation.NO_ROLE_FOR_ALICE)
                .map(Customer::id).toList(), "ANALYST");
        grant(partnerAdmin, NORTHWIND, List.of(analysts.get("alice")), northwind.stream()
                .filter(c -> c.situation() == Situation.NO_ROLE_FOR_ALICE).map(Customer::id).toList(), null);
        // Sam and Tina administer partners that cannot use multi-customer (lapsed licence, status disabled).
        selfGrant(system, "sam", SOUTHWIND, analysts.get("sam"), customers);
        selfGrant(system, "tina", TAILWIND, analysts.get("tina"), customers);

        new Api(system.entitlementUrl(), system.userToken("pete"))
                .put("/entitlement/v1/me/preferences", Map.of("multi_customer_enabled", false), 200);

        generateInvestigations(system, customers, investigations, seed);
    }

    private static Map<String, Object> primaryOf(List<Customer> customers, UUID partner) {
        Customer p = customers.stream().filter(c -> c.partnerId().equals(partner) && c.situation() == Situation.PRIMARY)
                .findFirst().orElseThrow();
        return Map.of("id", p.id(), "name", p.name(), "region", p.region());
    }

    private static void createPartner(Api operator, UUID id, String name, String licenseStatus, Instant expires,
            boolean enabled, Map<String, Object> primary) {
        operator.post("/entitlement/v1/operator/partners", Map.of("id", id, "name", name, "license",
                Map.of("product", "InsightIDR", "status", licenseStatus, "expires_at", expires.toString()),
                "partner_status_enabled", enabled, "primary_customer", primary), 201, 409);
    }

    private static void registerAnalysts(Api operator, UUID partner, List<String> usernames, Map<String, UUID> ids) {
        for (String username : usernames) {
            UUID analystId = id("analyst:" + username);
            operator.post("/entitlement/v1/operator/partners/" + partner + "/analysts", Map.of("id", analystId,
                    "subject", SUBJECTS.get(username), "email", username + emailDomain(partner),
                    "name", Character.toUpperCase(username.charAt(0)) + username.substring(1)), 201, 409);
            ids.put(username, analystId);
        }
    }

    static String emailDomain(UUID partner) {
        return partner.equals(NORTHWIND) ? "@mssp.example" : partner.equals(SOUTHWIND) ? "@southwind.example"
                : "@tailwind.example";
    }

    private static void grant(Api admin, UUID partner, List<UUID> analystIds, List<UUID> customerIds, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("analyst_ids", analystIds);
        body.put("customer_ids", customerIds);
        body.put("role", role);
        admin.post("/entitlement/v1/partners/" + partner + "/grants", body, 200);
    }

    private static void selfGrant(LocalSystem system, String admin, UUID partner, UUID analyst, List<Customer> customers) {
        grant(new Api(system.entitlementUrl(), system.userToken(admin)), partner, List.of(analyst),
                customers.stream().filter(c -> c.partnerId().equals(partner)).map(Customer::id).toList(), "ANALYST");
    }

    /** Each region's generator fills its own customers; the investigations are shared out by customer count. */
    static void generateInvestigations(LocalSystem system, List<Customer> customers, int investigations, long seed) {
        String token = system.aggregatorServiceToken();
        Map<String, List<UUID>> byRegion = customers.stream().collect(Collectors.groupingBy(Customer::region,
                LinkedHashMap::new, Collectors.mapping(Customer::id, Collectors.toList())));
        byRegion.forEach((region, ids) -> {
            int share = (int) ((long) investigations * ids.size() / customers.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("seed", seed + region.hashCode());
            body.put("customer_ids", ids);
            body.put("investigations", share);
            new Api(system.regionUrl(region), token).post("/regional/v1/admin/synthetic-data", body, 200, 201);
        });
    }

    private static String createApiKey(LocalSystem system, String username, String name) {
        JsonNode created = new Api(system.entitlementUrl(), system.userToken(username))
                .post("/entitlement/v1/me/api-keys", Map.of("name", name), 201).json();
        return created.get("key").asText();
    }

    /** A JSON API as one user. */
    record Api(String base, String token) {

        Http.Reply post(String path, Object body, int... expected) {
            return Http.send("POST", base + path, Map.of("Authorization", "Bearer " + token), body == null ? "{}" : body)
                    .expect(expected);
        }

        Http.Reply put(String path, Object body, int... expected) {
            return Http.send("PUT", base + path, Map.of("Authorization", "Bearer " + token), body).expect(expected);
        }
    }
}
