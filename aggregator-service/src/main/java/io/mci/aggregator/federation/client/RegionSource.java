package io.mci.aggregator.federation.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.mci.aggregator.federation.client.RegionRegistry.Region;
import io.mci.aggregator.federation.merge.KWayMerge;
import io.mci.aggregator.federation.merge.SortOrder;
import io.smallrye.mutiny.Uni;

/**
 * One region as a source of the merge: asks the region about its own customers only, page by page by keyset,
 * and remembers how the region did (status, time spent, total).
 */
final class RegionSource implements KWayMerge.Source<FederatedItem> {

    private final Region region;
    private final RegionalClient client;
    private final Actor actor;
    private final RegionalWire.QueryRequest template;
    private final Set<UUID> customers;
    private final SortOrder order;
    private final long deadlineNanos;
    private final Integer firstOffset;

    private RegionalWire.After after;
    private boolean first = true;
    private Long total;
    private RegionStatus status = RegionStatus.OK;
    private long tookNanos;

    RegionSource(Region region, RegionalClient client, Actor actor, RegionalWire.QueryRequest template,
            SortOrder order, RegionalWire.After firstAfter, Integer firstOffset, long deadlineNanos) {
        this.region = region;
        this.client = client;
        this.actor = actor;
        this.template = template;
        this.customers = new HashSet<>(template.customerIds());
        this.order = order;
        this.after = firstAfter;
        this.firstOffset = firstOffset;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Uni<KWayMerge.Chunk<FederatedItem>> next(int limitHint) {
        boolean firstCall = first;
        first = false;
        RegionalWire.QueryRequest request = paged(after, firstCall ? firstOffset : null, limitHint, firstCall);
        long started = System.nanoTime();
        return client.read(region, "query", deadlineNanos,
                auth -> region.api().query(request, actor.callHeaders(auth, null)))
                .map(r -> RegionalClient.entity(region, r, RegionalWire.QueryResponse.class))
                .onTermination().invoke(() -> tookNanos += System.nanoTime() - started)
                .onFailure().invoke(f -> status = RegionalClient.classify(f))
                .map(response -> {
                    if (firstCall) {
                        total = response.total();
                    }
                    List<FederatedItem> items = new ArrayList<>(response.items().size());
                    RegionalWire.Investigation last = null;
                    for (RegionalWire.Investigation item : response.items()) {
                        last = item;
                        // Defence in depth: never pass on an item of a customer this region was not asked about.
                        if (item.organizationId() != null && customers.contains(item.organizationId())) {
                            items.add(new FederatedItem(region.id(), Keys.of(order.field(), region.id(), item), item));
                        }
                    }
                    if (last != null) {
                        after = Keys.after(order.field(), Keys.of(order.field(), region.id(), last), false);
                    }
                    return new KWayMerge.Chunk<>(items, response.hasMore() && last != null);
                });
    }

    private RegionalWire.QueryRequest paged(RegionalWire.After position, Integer offset, int limit, boolean withTotal) {
        RegionalWire.QueryRequest t = template;
        return new RegionalWire.QueryRequest(t.customerIds(), t.statuses(), t.priorities(), t.sources(),
                t.dispositions(), t.assigneeEmail(), t.assigneeIds(), t.tags(), t.createdFrom(), t.createdTo(),
                t.titleContains(), t.rrns(), t.alertRuleRrns(), t.alertMitreTCodes(), t.actorAssetHostnameContains(),
                t.actorUserNameContains(), new RegionalWire.Sort(order.field().wire(), order.direction()),
                position, offset == null || offset == 0 ? null : offset, limit, withTotal ? Boolean.TRUE : null);
    }

    String regionId() {
        return region.id();
    }

    RegionStatus status() {
        return status;
    }

    long tookMillis() {
        return tookNanos / 1_000_000;
    }

    Long total() {
        return total;
    }
}
