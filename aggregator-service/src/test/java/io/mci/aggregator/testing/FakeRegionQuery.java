package io.mci.aggregator.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * {@code POST /regional/v1/investigations/query} as docs/internal-api.md defines it, over the items given in the
 * stub's transformer parameter {@code items}: customer and created-time filters, statuses and priorities, the
 * documented total order per sort field (every part in the requested direction, ids bytewise, null times
 * smallest), {@code after} with {@code inclusive}, offset, limit, has_more, next_after and include_total.
 * Unknown request fields are a 400, like the real service. Written independently of the aggregator's code.
 */
public class FakeRegionQuery implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-region-query";
    static final Set<String> FIELDS = Set.of("customer_ids", "statuses", "priorities", "sources", "dispositions",
            "assignee_email", "assignee_ids", "tags", "created_from", "created_to", "title_contains", "rrns",
            "alert_rule_rrns", "alert_mitre_t_codes", "actor_asset_hostname_contains", "actor_user_name_contains",
            "sort", "after", "offset", "limit", "include_total");
    static final List<String> PRIORITIES = List.of("UNSPECIFIED", "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            Parameters parameters = event.getResponseDefinition().getTransformerParameters();
            List<JsonNode> items = new ArrayList<>();
            JSON.valueToTree(parameters.get("items")).forEach(items::add);
            return answer(request, items);
        } catch (Exception e) {
            return error(400, "fake region could not read the request: " + e.getMessage());
        }
    }

    private ResponseDefinition answer(JsonNode request, List<JsonNode> all) throws Exception {
        for (var it = request.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                return error(400, "unknown field " + field);
            }
        }
        JsonNode customers = request.get("customer_ids");
        if (customers == null || !customers.isArray() || customers.isEmpty()) {
            return error(400, "customer_ids required");
        }
        if (request.has("after") && request.has("offset")) {
            return error(400, "after together with offset");
        }
        int limit = request.has("limit") ? request.get("limit").asInt() : 100;
        if (limit < 1 || limit > 1000) {
            return error(400, "limit out of range");
        }
        List<String> customerIds = texts(customers);
        List<String> statuses = texts(request.get("statuses"));
        List<String> priorities = texts(request.get("priorities"));
        Instant from = time(request.get("created_from"));
        Instant to = time(request.get("created_to"));
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode item : all) {
            Instant created = time(item.get("created_time"));
            if (!customerIds.contains(item.get("organization_id").asText())
                    || (!statuses.isEmpty() && !statuses.contains(item.get("status").asText()))
                    || (!priorities.isEmpty() && !priorities.contains(item.get("priority").asText()))
                    || (from != null && created.isBefore(from)) || (to != null && created.isAfter(to))) {
                continue;
            }
            matching.add(item);
        }
        JsonNode sort = request.get("sort");
        String field = sort == null ? "priority" : sort.get("field").asText();
        boolean desc = sort == null || "DESC".equals(sort.get("order").asText());
        Comparator<List<Comparable<?>>> tuples = (a, b) -> compareTuples(a, b, desc);
        matching.sort((a, b) -> tuples.compare(key(field, a), key(field, b)));
        int start = 0;
        if (request.has("after")) {
            List<Comparable<?>> position = position(field, request.get("after"));
            boolean inclusive = request.get("after").path("inclusive").asBoolean(false);
            while (start < matching.size()) {
                int c = tuples.compare(key(field, matching.get(start)), position);
                if (c > 0 || (inclusive && c == 0)) {
                    break;
                }
                start++;
            }
        } else if (request.has("offset")) {
            start = Math.min(matching.size(), request.get("offset").asInt());
        }
        int end = Math.min(matching.size(), start + limit);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode page = response.putArray("items");
        matching.subList(start, end).forEach(page::add);
        if (end > start) {
            response.set("next_after", after(field, matching.get(end - 1)));
        } else {
            response.putNull("next_after");
        }
        response.put("has_more", end < matching.size());
        if (request.path("include_total").asBoolean(false)) {
            response.put("total", matching.size());
        } else {
            response.putNull("total");
        }
        return json(200, response.toString());
    }

    /** The documented key of an item for a sort field. */
    static List<Comparable<?>> key(String field, JsonNode item) {
        List<Comparable<?>> key = new ArrayList<>();
        switch (field) {
            case "priority" -> {
                key.add(PRIORITIES.indexOf(item.get("priority").asText()));
                key.add(time(item.get("created_time")));
                key.add(item.get("id").asText());
            }
            case "created_time" -> {
                key.add(time(item.get("created_time")));
                key.add(item.get("id").asText());
            }
            case "rrn" -> key.add(item.get("rrn").asText());
            case "alerts_most_recent_created_time" -> {
                key.add(time(item.get("latest_alert_time")));
                key.add(item.get("id").asText());
            }
            case "alerts_most_recent_detection_created_time" -> {
                key.add(time(item.get("alerts_most_recent_detection_created_time")));
                key.add(item.get("id").asText());
            }
            default -> throw new IllegalArgumentException("sort field " + field);
        }
        return key;
    }

    static List<Comparable<?>> position(String field, JsonNode after) {
        List<Comparable<?>> key = new ArrayList<>();
        switch (field) {
            case "priority" -> {
                key.add(PRIORITIES.indexOf(after.get("value").asText()));
                key.add(time(after.get("created_time")));
                key.add(after.get("id").asText());
            }
            case "rrn" -> key.add(after.get("value").asText());
            default -> {
                key.add(time(after.get("value")));
                key.add(after.get("id").asText());
            }
        }
        return key;
    }

    static ObjectNode after(String field, JsonNode item) {
        ObjectNode after = JSON.createObjectNode();
        switch (field) {
            case "priority" -> {
                after.put("value", item.get("priority").asText());
                after.put("created_time", item.get("created_time").asText());
                after.put("id", item.get("id").asText());
            }
            case "created_time" -> {
                after.put("value", item.get("created_time").asText());
                after.put("id", item.get("id").asText());
            }
            case "rrn" -> after.put("value", item.get("rrn").asText());
            case "alerts_most_recent_created_time" -> {
                after.set("value", item.get("latest_alert_time"));
                after.put("id", item.get("id").asText());
            }
            default -> {
                after.set("value", item.get("alerts_most_recent_detection_created_time"));
                after.put("id", item.get("id").asText());
            }
        }
        after.put("inclusive", false);
        return after;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compareTuples(List<Comparable<?>> a, List<Comparable<?>> b, boolean desc) {
        for (int i = 0; i < a.size(); i++) {
            Comparable x = a.get(i);
            Comparable y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == y ? 0 : (x == null ? -1 : 1); // null = smallest
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return desc ? -c : c;
            }
        }
        return 0;
    }

    static Instant time(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        }
        return values;
    }

    private static ResponseDefinition error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", message);
        body.put("correlation_id", "fake");
        body.put("status", status);
        body.put("code", "BAD_REQUEST");
        return json(status, body.toString());
    }

    private static ResponseDefinition json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }

    /** The documented key of an item (for tests that compute an expected order). */
    public static List<Comparable<?>> keyForTest(String field, JsonNode item) {
        return key(field, item);
    }

    /** Tuple comparison with null smallest, every part in the given direction. */
    public static int compareForTest(List<Comparable<?>> a, List<Comparable<?>> b, boolean desc) {
        return compareTuples(a, b, desc);
    }

    /** The stub parameters of a data set. */
    public static Map<String, Object> parameters(List<Map<String, Object>> items) {
        return Map.of("items", items);
    }
}
