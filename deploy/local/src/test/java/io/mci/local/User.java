package io.mci.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A demo user talking to the system over HTTP as a front end or an integration would: a real Keycloak token
 * (password grant of the public client), or an API key instead.
 */
final class User {

    private final String username;
    private final String apiKey;
    private String token;
    private long tokenAt;

    private User(String username, String apiKey) {
        this.username = username;
        this.apiKey = apiKey;
    }

    static User named(String username) {
        return new User(username, null);
    }

    /** An integration holding an API key (no token). */
    static User withApiKey(String key) {
        return new User(null, key);
    }

    String name() {
        return username;
    }

    private Map<String, String> auth(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (apiKey != null) {
            headers.put("X-Api-Key", apiKey);
        } else {
            // Tokens live 15 minutes; a fresh one every 5 keeps long test runs clear of expiry.
            if (token == null || System.currentTimeMillis() - tokenAt > 300_000) {
                token = WholeSystem.system().userToken(username);
                tokenAt = System.currentTimeMillis();
            }
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    /** A call to the aggregator (the public API). */
    Http.Reply call(String method, String path, Object body, Map<String, String> headers) {
        return Http.send(method, WholeSystem.system().aggregatorUrl() + path, auth(headers), body);
    }

    Http.Reply get(String path) {
        return call("GET", path, null, Map.of());
    }

    Http.Reply get(String path, Map<String, String> headers) {
        return call("GET", path, null, headers);
    }

    Http.Reply post(String path, Object body) {
        return call("POST", path, body, Map.of());
    }

    Http.Reply put(String path, Object body) {
        return call("PUT", path, body, Map.of());
    }

    Http.Reply patch(String path, Object body) {
        return call("PATCH", path, body, Map.of());
    }

    /** A call to the entitlement service's user-facing API (API keys, decisions) with this user's token. */
    Http.Reply entitlement(String method, String path, Object body) {
        return Http.send(method, WholeSystem.system().entitlementUrl() + path, auth(Map.of()), body);
    }

    /** GET that must answer 200; the JSON body. */
    JsonNode ok(String path) {
        return get(path).expect(200).json();
    }

    /** Every page of a multi-customer list by cursor: the items in the order served. */
    List<JsonNode> everyPage(String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            JsonNode reply = ok("/idr/v2/investigations?" + query + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (reply.at("/metadata/partial").asBoolean()) {
                throw new AssertionError("a region did not answer: " + reply.at("/metadata/regions"));
            }
            reply.get("data").forEach(items::add);
            JsonNode next = reply.at("/metadata/next_cursor");
            if (next.isMissingNode() || next.isNull()) {
                return items;
            }
            cursor = next.asText();
        }
        throw new AssertionError("the cursor never ended");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
