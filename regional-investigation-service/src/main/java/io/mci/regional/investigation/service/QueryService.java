package io.mci.regional.investigation.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.Priority;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;
import io.mci.contract.time.Timestamps;
import io.mci.regional.config.RegionalConfig;
import io.mci.regional.investigation.api.CountsRequest;
import io.mci.regional.investigation.api.CountsResponse;
import io.mci.regional.investigation.api.InvestigationItem;
import io.mci.regional.investigation.api.PositionBody;
import io.mci.regional.investigation.api.QueryRequest;
import io.mci.regional.investigation.api.QueryResponse;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationFilter;
import io.mci.regional.investigation.model.Position;
import io.mci.regional.investigation.model.SortField;
import io.mci.regional.investigation.repository.QueryRepository;
import io.mci.regional.investigation.repository.QuerySql;
import io.mci.regional.region.service.HomeRegions;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** The federation query and the counts: validation, home-region rule, plan shape, paging. */
@ApplicationScoped
public class QueryService {

    private final QueryRepository repository;
    private final HomeRegions homeRegions;
    private final RegionalConfig.Query limits;
    private final TotalCache totals;

    public QueryService(QueryRepository repository, HomeRegions homeRegions, RegionalConfig config,
            ConditionalWrites writes) {
        this.repository = repository;
        this.homeRegions = homeRegions;
        this.limits = config.query();
        this.totals = new TotalCache(config.query().totalCacheTtl(), config.query().totalCacheSize(),
                writes::committedWrites);
    }

    /** A validated query, ready to run. */
    public record Plan(InvestigationFilter filter, SortField field, boolean desc, Position after, int offset, int limit,
            boolean includeTotal) {
    }

    public Uni<QueryResponse> query(QueryRequest request) {
        Plan plan;
        try {
            plan = plan(request);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(plan.filter().customers()).chain(() -> run(plan));
    }

    Uni<QueryResponse> run(Plan plan) {
        QuerySql.Shape shape = shape(plan, limits);
        long started = System.nanoTime();
        Uni<List<Investigation>> page = repository.page(shape, plan.filter(), plan.field(), plan.desc(), plan.after(),
                plan.offset(), plan.limit())
                .invoke(rows -> Log.debugf("query page (%s, %d customers): %d us", shape, plan.filter().customers().size(),
                        (System.nanoTime() - started) / 1000));
        // The total runs on its own connection at the same time as the page; paging through one result asks for the
        // same total again and again, so it is kept for a few seconds (docs/regional-query-plans.md, "Totals").
        Uni<Long> total = plan.includeTotal() ? totals.total(plan.filter(), () -> repository.total(plan.filter()))
                : Uni.createFrom().nullItem();
        return Uni.combine().all().unis(page, total).asTuple().map(t -> {
            List<Investigation> rows = t.getItem1();
            boolean hasMore = rows.size() > plan.limit();
            List<Investigation> items = hasMore ? rows.subList(0, plan.limit()) : rows;
            PositionBody next = items.isEmpty() ? null : body(plan.field(), Position.of(plan.field(), items.get(items.size() - 1)));
            return new QueryResponse(items.stream().map(InvestigationItem::of).toList(), next, hasMore, t.getItem2());
        });
    }

    /** The SQL shape for a query (docs/regional-query-plans.md, "Shape by set size"). */
    static QuerySql.Shape shape(Plan plan, RegionalConfig.Query limits) {
        int customers = plan.filter().customers().size();
        int maxCustomers = plan.field() == SortField.RRN ? limits.rrnPerCustomerPlanMaxCustomers()
                : limits.perCustomerPlanMaxCustomers();
        long rows = (long) customers * (plan.offset() + plan.limit() + 1L);
        return customers <= maxCustomers && (customers == 1 || rows <= limits.perCustomerPlanMaxRows())
                ? QuerySql.Shape.PER_CUSTOMER
                : QuerySql.Shape.GLOBAL;
    }

    public Uni<CountsResponse> counts(CountsRequest request) {
        List<java.util.UUID> customers;
        try {
            if (request == null) {
                throw ApiException.badRequest("A JSON body is required.");
            }
            customers = Inputs.customers(request.customerIds(), limits.maxCustomers());
            range(request.createdFrom(), request.createdTo());
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(customers)
                .chain(() -> repository.counts(customers, request.createdFrom(), request.createdTo()))
                .map(cells -> new CountsResponse(cells.stream()
                        .map(c -> new CountsResponse.Cell(c.customerId(), c.priority(), c.status(), c.count())).toList()));
    }

    Plan plan(QueryRequest r) {
        if (r == null) {
            throw ApiException.badRequest("A JSON body is required.");
        }
        List<java.util.UUID> customers = Inputs.customers(r.customerIds(), limits.maxCustomers());
        range(r.createdFrom(), r.createdTo());
        List<String> rrns = new java.util.ArrayList<>();
        List<String> shortIds = new java.util.ArrayList<>();
        for (String ref : Inputs.values(r.rrns(), "rrns", false)) {
            if (Rrn.looksLikeRrn(ref)) {
                // Only the form is checked: an RRN of another region simply matches nothing here.
                Rrn rrn = Rrn.parse(ref, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
                rrns.add(rrn.toString());
            } else if (ShortIds.isShortId(ref)) {
                shortIds.add(ref.toUpperCase(Locale.ROOT));
            } else {
                throw ApiException.badRequest("'rrns' must contain investigation RRNs or 12-character short ids.");
            }
        }
        InvestigationFilter filter = new InvestigationFilter(customers,
                set(r.statuses(), io.mci.contract.investigation.InvestigationStatus.class, "statuses"),
                set(r.priorities(), Priority.class, "priorities"),
                set(r.sources(), io.mci.contract.investigation.Source.class, "sources"),
                set(r.dispositions(), io.mci.contract.investigation.Disposition.class, "dispositions"),
                lowerOrNull(r.assigneeEmail(), "assignee_email"),
                Inputs.values(r.assigneeIds(), "assignee_ids", false),
                Inputs.values(r.tags(), "tags", false),
                r.createdFrom(), r.createdTo(),
                lowerOrNull(r.titleContains(), "title_contains"),
                rrns, shortIds,
                Inputs.values(r.alertRuleRrns(), "alert_rule_rrns", true),
                Inputs.values(r.alertMitreTCodes(), "alert_mitre_t_codes", false).stream()
                        .map(s -> s.toUpperCase(Locale.ROOT)).toList(),
                lowerOrNull(r.actorAssetHostnameContains(), "actor_asset_hostname_contains"),
                lowerOrNull(r.actorUserNameContains(), "actor_user_name_contains"));
        SortField field = SortField.PRIORITY;
        boolean desc = true;
        if (r.sort() != null) {
            if (r.sort().field() != null) {
                field = SortField.parse(r.sort().field());
            }
            if (r.sort().order() != null) {
                desc = switch (r.sort().order().trim().toUpperCase(Locale.ROOT)) {
                    case "DESC" -> true;
                    case "ASC" -> false;
                    default -> throw ApiException.badRequest("Invalid sort order '" + r.sort().order()
                            + "'. Accepted values: ASC, DESC.", List.of("ASC", "DESC"));
                };
            }
        }
        if (r.after() != null && r.offset() != null) {
            throw ApiException.badRequest("Use either 'after' (keyset) or 'offset', not both.");
        }
        int offset = r.offset() == null ? 0 : r.offset();
        if (offset < 0 || offset > limits.maxOffset()) {
            throw ApiException.badRequest("'offset' must be from 0 to " + limits.maxOffset()
                    + "; page deeper with 'after'.");
        }
        int limit = r.limit() == null ? limits.defaultLimit() : r.limit();
        if (limit < 1 || limit > limits.maxLimit()) {
            throw ApiException.badRequest("'limit' must be from 1 to " + limits.maxLimit() + ".");
        }
        Position after = r.after() == null ? null : position(field, r.after());
        return new Plan(filter, field, desc, after, offset, limit, Boolean.TRUE.equals(r.includeTotal()));
    }

    /** Parses a wire position for the given sort field; missing or malformed parts are a 400. */
    static Position position(SortField field, PositionBody b) {
        boolean inclusive = Boolean.TRUE.equals(b.inclusive());
        JsonNode v = b.value();
        boolean nullValue = v == null || v.isNull();
        return switch (field) {
            case PRIORITY -> {
                if (nullValue || !v.isTextual()) {
                    throw ApiException.badRequest("'after.value' must be a priority name when sorting by priority.");
                }
                yield new Position(Priority.parse(v.asText()), null, required(b.createdTime(), "after.created_time"),
                        null, id(b.id()), inclusive);
            }
            case CREATED_TIME -> new Position(null, time(v, false), null, null, id(b.id()), inclusive);
            case RRN -> {
                if (nullValue || !v.isTextual()) {
                    throw ApiException.badRequest("'after.value' must be an investigation RRN when sorting by rrn.");
                }
                yield new Position(null, null, null, Rrn.parse(v.asText(), Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION)
                        .toString(), null, inclusive);
            }
            case ALERTS_MOST_RECENT_CREATED_TIME, ALERTS_MOST_RECENT_DETECTION_CREATED_TIME ->
                new Position(null, time(v, true), null, null, id(b.id()), inclusive);
        };
    }

    /** The wire form of a position: {@code value}, plus {@code created_time}/{@code id} where the key uses them. */
    static PositionBody body(SortField field, Position p) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (field) {
            case PRIORITY -> new PositionBody(nodes.textNode(p.priority().name()), p.createdTime(), p.id(), false);
            case CREATED_TIME, ALERTS_MOST_RECENT_CREATED_TIME, ALERTS_MOST_RECENT_DETECTION_CREATED_TIME ->
                new PositionBody(p.timeValue() == null ? nodes.nullNode() : nodes.textNode(Timestamps.format(p.timeValue())),
                        null, p.id(), false);
            case RRN -> new PositionBody(nodes.textNode(p.rrn()), null, null, false);
        };
    }

    private static Instant time(JsonNode v, boolean nullable) {
        if (v == null || v.isNull()) {
            if (nullable) {
                return null;
            }
            throw ApiException.badRequest("'after.value' must be a timestamp.");
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'after.value' must be a timestamp.");
        }
        return Timestamps.parse("after.value", v.asText());
    }

    private static Instant required(Instant value, String field) {
        if (value == null) {
            throw ApiException.badRequest("'" + field + "' is required for this sort field.");
        }
        return value;
    }

    private static String id(String id) {
        if (!ShortIds.isShortId(id)) {
            throw ApiException.badRequest("'after.id' must be the 12-character short id of the last item.");
        }
        return id.toUpperCase(Locale.ROOT);
    }

    private static void range(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("'created_from' must not be after 'created_to'.");
        }
    }

    private static String lowerOrNull(String text, String field) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > 1024) {
            throw ApiException.badRequest("'" + field + "' must have 1 to 1024 characters.");
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type, String field) {
        Set<E> set = EnumSet.noneOf(type);
        if (values != null) {
            for (E v : values) {
                if (v == null) {
                    throw ApiException.badRequest("'" + field + "' must not contain null.");
                }
                set.add(v);
            }
        }
        return set;
    }
}
