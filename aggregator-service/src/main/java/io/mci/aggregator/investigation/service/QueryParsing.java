package io.mci.aggregator.investigation.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.mci.aggregator.federation.merge.SortOrder;
import io.mci.aggregator.investigation.api.SearchBody;
import io.mci.aggregator.security.Access;
import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;
import io.mci.contract.investigation.WireEnum;
import io.mci.contract.time.Timestamps;
import io.mci.contract.web.Params;

/**
 * Parsing of the list's query parameters and of the _search body into one {@link InvestigationQuery}, the
 * lenient way real clients need ({@code True}, {@code LOW, MEDIUM}) and the strict way our users deserve
 * (unknown names refused with the accepted ones).
 */
public final class QueryParsing {

    /** Query parameters of {@code GET /idr/v2/investigations}. */
    public static final List<String> LIST_PARAMETERS = List.of("index", "size", "statuses", "sources", "priorities",
            "assignee.email", "start_time", "end_time", "sort", "multi-customer", "tags", "organization_ids", "cursor");

    /** Query parameters of {@code POST /idr/v2/investigations/_search}. */
    public static final List<String> SEARCH_PARAMETERS = List.of("index", "size", "multi-customer", "cursor");

    static final List<String> CONTAINS_FIELDS = List.of("title", "actor_asset_hostname", "actor_user_name");
    static final List<String> EQUALS_FIELDS = List.of("alert_mitre_t_codes", "alert_rule_rrn", "assignee_id",
            "organization_id", "priority", "rrn", "source", "status");
    static final List<String> OPERATORS = List.of("EQUALS", "CONTAINS", "IN");

    private QueryParsing() {
    }

    /** Paging and scope parameters common to the list and _search. */
    public record Paging(int index, int size, String cursor, boolean multiCustomer) {
    }

    public static Paging paging(Map<String, List<String>> params) {
        int index = Params.integer("index", single(params, "index"), 0, 0, Integer.MAX_VALUE);
        int size = Params.integer("size", single(params, "size"), 20, 1, 100);
        String cursor = single(params, "cursor");
        boolean multi = Params.bool("multi-customer", single(params, "multi-customer"), false);
        return new Paging(index, size, cursor == null || cursor.isBlank() ? null : cursor, multi);
    }

    public static InvestigationQuery list(Map<String, List<String>> params) {
        InvestigationQuery.Builder b = new InvestigationQuery.Builder();
        enumList(params, "statuses", InvestigationStatus.class, "investigation status").ifPresent(b::statuses);
        enumList(params, "sources", Source.class, "source").ifPresent(b::sources);
        enumList(params, "priorities", Priority.class, "priority").ifPresent(b::priorities);
        String email = single(params, "assignee.email");
        if (email != null && !email.isBlank()) {
            b.assigneeEmail(email.trim());
        }
        b.window(Timestamps.parse("start_time", single(params, "start_time")),
                Timestamps.parse("end_time", single(params, "end_time")));
        b.sort(SortOrder.parse(single(params, "sort")));
        List<String> tags = Params.list(joined(params, "tags"));
        if (!tags.isEmpty()) {
            b.tags(tags);
        }
        List<String> orgs = Params.list(joined(params, "organization_ids"));
        if (!orgs.isEmpty()) {
            b.organizationIds(orgs.stream().map(o -> Access.parseCustomerId(o, "organization id")).toList());
        }
        return b.build();
    }

    public static InvestigationQuery search(SearchBody body) {
        InvestigationQuery.Builder b = new InvestigationQuery.Builder();
        if (body == null) {
            throw ApiException.badRequest("The _search request needs a JSON body, for example {\"search\": []}.");
        }
        Set<String> containsSeen = new LinkedHashSet<>();
        for (SearchBody.Criterion c : body.search() == null ? List.<SearchBody.Criterion>of() : body.search()) {
            criterion(b, c, containsSeen);
        }
        if (body.sort() != null && !body.sort().isEmpty()) {
            if (body.sort().size() > 1) {
                throw ApiException.badRequest("Only one sort criterion is supported; ties are broken by id and region.");
            }
            SearchBody.SortCriterion s = body.sort().get(0);
            if (s == null || s.field() == null) {
                throw ApiException.badRequest("A sort criterion needs a field.");
            }
            b.sort(SortOrder.of(s.field(), s.order()));
        }
        b.window(Timestamps.parse("start_time", body.startTime()), Timestamps.parse("end_time", body.endTime()));
        return b.build();
    }

    private static void criterion(InvestigationQuery.Builder b, SearchBody.Criterion c, Set<String> containsSeen) {
        if (c == null || c.field() == null) {
            throw ApiException.badRequest("Every search criterion needs a field, an operator and a value.");
        }
        String field = c.field().trim().toLowerCase(Locale.ROOT);
        String operator = c.operator() == null ? "" : c.operator().trim().toUpperCase(Locale.ROOT);
        if (!OPERATORS.contains(operator)) {
            throw ApiException.badRequest("Invalid search operator '" + c.operator() + "'. Accepted operators: "
                    + String.join(", ", OPERATORS) + ".", OPERATORS);
        }
        if (CONTAINS_FIELDS.contains(field)) {
            if (!operator.equals("CONTAINS")) {
                throw ApiException.badRequest("Field '" + field + "' accepts the operator CONTAINS only.", List.of("CONTAINS"));
            }
            if (!containsSeen.add(field)) {
                throw ApiException.badRequest("Only one CONTAINS criterion per field is supported ('" + field + "').");
            }
            String text = scalar(field, c.value());
            switch (field) {
                case "title" -> b.titleContains(text);
                case "actor_asset_hostname" -> b.hostnameContains(text);
                default -> b.userNameContains(text);
            }
            return;
        }
        if (!EQUALS_FIELDS.contains(field)) {
            List<String> accepted = new ArrayList<>(CONTAINS_FIELDS);
            accepted.addAll(EQUALS_FIELDS);
            throw ApiException.badRequest("Invalid search field '" + c.field() + "'. Accepted fields: "
                    + String.join(", ", accepted) + ".", accepted);
        }
        if (operator.equals("CONTAINS")) {
            throw ApiException.badRequest("Field '" + field + "' accepts the operators EQUALS and IN.",
                    List.of("EQUALS", "IN"));
        }
        List<String> values = operator.equals("EQUALS") ? List.of(scalar(field, c.value())) : many(field, c.value());
        switch (field) {
            case "status" -> b.statuses(values.stream()
                    .map(v -> WireEnum.parse(InvestigationStatus.class, "investigation status", v).name()).toList());
            case "priority" -> b.priorities(values.stream()
                    .map(v -> WireEnum.parse(Priority.class, "priority", v).name()).toList());
            case "source" -> b.sources(values.stream().map(v -> WireEnum.parse(Source.class, "source", v).name()).toList());
            case "organization_id" -> b.organizationIds(values.stream()
                    .map(v -> Access.parseCustomerId(v, "organization id")).toList());
            case "assignee_id" -> b.assigneeIds(values);
            case "rrn" -> b.rrns(values);
            case "alert_rule_rrn" -> b.alertRuleRrns(values);
            default -> b.mitreCodes(values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList());
        }
    }

    private static String scalar(String field, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw ApiException.badRequest("Field '" + field + "' needs a non-empty text value.");
        }
        return value.asText().trim();
    }

    private static List<String> many(String field, JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> values.add(scalar(field, v)));
        } else if (value != null && value.isTextual()) {
            values.addAll(Params.list(value.asText()));
        }
        if (values.isEmpty()) {
            throw ApiException.badRequest("The IN operator on '" + field + "' needs a non-empty list of values.");
        }
        return values;
    }

    private static <E extends Enum<E>> java.util.Optional<List<String>> enumList(Map<String, List<String>> params,
            String name, Class<E> type, String what) {
        String text = joined(params, name);
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(WireEnum.parseList(type, what, text).stream().map(Enum::name).toList());
    }

    /** The one value of a parameter; given twice is a 400. */
    public static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("Query parameter '" + name + "' is given more than once.");
        }
        return values.get(0);
    }

    /** A list parameter may come as one comma list or repeated: both are joined. */
    static String joined(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? null : String.join(",", values);
    }

    /** Exposed for the resources: refuses unknown parameters (400 naming the accepted ones). */
    public static void requireKnown(Map<String, List<String>> params, List<String> accepted) {
        Params.requireKnown(params.keySet(), accepted);
    }

    static UUID uuid(String text, String what) {
        return Access.parseCustomerId(text, what);
    }
}
