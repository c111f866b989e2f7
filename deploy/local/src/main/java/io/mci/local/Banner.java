package io.mci.local;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What a newcomer needs after the start: where things are, who to log in as, what to paste. */
final class Banner {

    private static final Map<String, String> USERS = new TreeMap<>(Map.of(
            "alice", "analyst: ANALYST in most Northwind customers; some excluded for each reason",
            "victor", "analyst: VIEWER everywhere (cannot write)",
            "bob", "analyst: ANALYST in half of the customers",
            "pete", "analyst: multi-customer preference OFF",
            "nora", "analyst: no grants at all",
            "paula", "partner administrator of Northwind MSSP",
            "carl", "customer administrator (approves associations)",
            "olivia", "platform operator",
            "sam", "analyst of Southwind MSSP (partner licence expired)",
            "tina", "analyst of Tailwind MSSP (partner status disabled)"));

    private Banner() {
    }

    static String render(LocalSystem system, DemoData.Summary demo, Duration took) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ MCI is up (").append(took.toSeconds()).append(" s) ================\n");
        b.append("Aggregator (public API)  ").append(system.aggregatorUrl()).append("   OpenAPI: ")
                .append(system.aggregatorUrl()).append("/q/openapi\n");
        b.append("Entitlement service      ").append(system.entitlementUrl()).append('\n');
        for (String region : system.regions()) {
            b.append("Region ").append(String.format("%-18s", region)).append(system.regionUrl(region)).append('\n');
        }
        b.append("Keycloak (realm mci)     ").append(system.issuer()).append("   admin console: admin / admin\n");
        b.append("Logs                     ").append(system.logs()).append('\n');
        b.append("Demo data                ").append(demo.customers().size()).append(" customers, ")
                .append(demo.investigations()).append(" investigations with alerts and comments\n\n");
        b.append("Demo users (password for all: demo):\n");
        USERS.forEach((user, what) -> b.append(String.format("  %-7s %s%n", user, what)));
        b.append("\nList every investigation across all regions as alice:\n  ")
                .append(curlLine(system.tokenUrl(), system.aggregatorUrl())).append("\n\n");
        b.append("Demo API key of alice (shown once; a new one each run):\n  curl -s -H 'X-Api-Key: ")
                .append(demo.aliceApiKey()).append("' '").append(system.aggregatorUrl())
                .append("/idr/v2/investigations?multi-customer=true&size=5'\n\n");
        b.append("Ctrl-C stops every process this run started; the next run reuses the data.\n");
        return b.toString();
    }

    static String curlLine(String tokenUrl, String aggregatorUrl) {
        return "TOKEN=$(curl -s -d grant_type=password -d client_id=mci-frontend -d username=alice -d password=demo "
                + tokenUrl + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/') && curl -s -H \"Authorization: Bearer $TOKEN\" '"
                + aggregatorUrl + "/idr/v2/investigations?multi-customer=true&size=5'";
    }
}
