package io.mci.aggregator.investigation.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.federation.client.FederatedItem;
import io.mci.aggregator.federation.client.InvestigationFanOut;
import io.mci.aggregator.federation.merge.Cursor;
import io.mci.aggregator.federation.merge.SortKey;
import io.mci.aggregator.investigation.api.InvestigationPage;
import io.mci.aggregator.investigation.api.Page;
import io.mci.aggregator.investigation.api.PublicInvestigation;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The list and _search: decides the customers (scope, organization filter, entitlement), the page (offset
 * window or cursor), fans out and maps the merged items to the public envelope.
 */
@ApplicationScoped
public class InvestigationQueryService {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(28);

    private final Access access;
    private final InvestigationFanOut fanOut;
    private final AggregatorConfig config;

    public InvestigationQueryService(Access access, InvestigationFanOut fanOut, AggregatorConfig config) {
        this.access = access;
        this.fanOut = fanOut;
        this.config = config;
    }

    public Uni<InvestigationPage> find(Caller caller, InvestigationQuery query, QueryParsing.Paging paging,
            String customerHeader, String entryPoint) {
        // Validate what can be validated before anyone is asked.
        Cursor cursor = paging.cursor() == null ? null : Cursor.decode(paging.cursor());
        if (cursor != null && paging.index() != 0) {
            throw ApiException.badRequest("Give either index or cursor, not both.");
        }
        long window = ((long) paging.index() + 1) * paging.size();
        if (cursor == null && window > config.paging().maxWindow()) {
            throw new ApiException(400, "WINDOW_TOO_LARGE", "Offset paging reaches the first "
                    + config.paging().maxWindow() + " items only ((index + 1) * size). To go further, page with "
                    + "the cursor: pass metadata.next_cursor of the previous page as the 'cursor' parameter.");
        }
        return access.decision(caller).chain(decision -> {
            Access.Scope scope = Access.scope(decision, paging.multiCustomer(), customerHeader);
            String fingerprint = query.fingerprint(scope.key());
            if (cursor != null && !cursor.fingerprint().equals(fingerprint)) {
                throw new ApiException(400, "CURSOR_MISMATCH", "The cursor belongs to another query (other filters, "
                        + "sort or customers). Repeat the query it came from, or start again without a cursor.");
            }
            Instant defaultEnd = defaultEnd(Instant.now());
            Instant from = cursor != null ? cursor.from()
                    : query.startTime() != null ? query.startTime() : defaultEnd.minus(DEFAULT_WINDOW);
            Instant to = cursor != null ? cursor.to() : query.endTime() != null ? query.endTime() : defaultEnd;
            if (from != null && to != null && from.isAfter(to)) {
                throw ApiException.badRequest("start_time must not be after end_time.");
            }
            Map<String, List<UUID>> byRegion = customersByRegion(decision, scope, query);
            long before = cursor == null ? (long) paging.index() * paging.size() : cursor.emitted();
            if (query.matchesNothing() || byRegion.isEmpty()) {
                return Uni.createFrom().item(page(List.of(), decision, paging.size(), before, 0, false, List.of(), null));
            }
            InvestigationFanOut.Request request = new InvestigationFanOut.Request(byRegion, query.template(from, to),
                    query.sort(), cursor == null ? null : cursor.position(),
                    cursor == null ? paging.index() * paging.size() : 0, paging.size(),
                    Access.actor(decision, caller, entryPoint), caller.arrivedNanos());
            return fanOut.query(request).map(result -> {
                String next = null;
                if (result.hasMore() && !result.items().isEmpty()) {
                    SortKey last = result.items().get(result.items().size() - 1).key();
                    next = new Cursor(fingerprint, query.sort(), last, before + result.items().size(), from, to).encode();
                }
                return page(result.items(), decision, paging.size(), before, result.total(), result.partial(),
                        result.regions(), next);
            });
        });
    }

    /**
     * The end of the default window ("the last 28 days"): the end of the current minute, not the current
     * millisecond. Lists repeated within a minute then ask every region exactly the same question, so the regions
     * reuse the total they counted (mci.query.total-cache-ttl) instead of counting ~100,000 rows again for a window
     * that moved by a few milliseconds; the window still covers everything up to now.
     */
    static Instant defaultEnd(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    /** Entitled customers in scope, narrowed by the organization filter, grouped by home region. */
    static Map<String, List<UUID>> customersByRegion(Decision decision, Access.Scope scope, InvestigationQuery query) {
        if (query.organizationIds() != null) {
            List<UUID> refused = new ArrayList<>();
            for (UUID id : query.organizationIds()) {
                if (decision.entitledCustomer(id).isEmpty()) {
                    refused.add(id);
                }
            }
            if (!refused.isEmpty()) {
                // Same answer for an unknown customer and a known one the analyst may not see.
                throw ApiException.forbidden("CUSTOMER_NOT_ENTITLED",
                        "You are not entitled to these organization ids: " + refused + ".");
            }
        }
        Map<String, List<UUID>> byRegion = new TreeMap<>();
        scope.customers().values().forEach(c -> {
            if (query.organizationIds() == null || query.organizationIds().contains(c.id())) {
                byRegion.computeIfAbsent(c.region(), r -> new ArrayList<>()).add(c.id());
            }
        });
        return byRegion;
    }

    private static InvestigationPage page(List<FederatedItem> items, Decision decision, int size, long before,
            long total, boolean partial, List<io.mci.aggregator.federation.client.RegionReport> regions, String next) {
        List<PublicInvestigation> data = items.stream().map(i -> toPublic(i, decision)).toList();
        return new InvestigationPage(data, new InvestigationPage.Metadata(before / size, size,
                Page.pages(total, size), total, partial, regions, next));
    }

    static PublicInvestigation toPublic(FederatedItem item, Decision decision) {
        PublicInvestigation.Customer customer = decision.entitledCustomer(item.item().organizationId())
                .map(PublicInvestigation.Customer::of)
                .orElse(new PublicInvestigation.Customer(item.item().organizationId(), null, item.region()));
        return PublicInvestigation.of(item.item(), customer);
    }
}
