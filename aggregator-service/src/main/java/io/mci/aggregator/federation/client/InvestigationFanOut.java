package io.mci.aggregator.federation.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.federation.merge.KWayMerge;
import io.mci.aggregator.federation.merge.SortKey;
import io.mci.aggregator.federation.merge.SortOrder;
import io.smallrye.mutiny.Uni;

/**
 * The fan-out of a list or search: one source per region that homes at least one requested customer, each
 * asked only about its customers, all in parallel and non-blocking, merged by {@link KWayMerge} in the global
 * order. A region that fails or runs out of time is reported and left out; the others still answer.
 */
@ApplicationScoped
public class InvestigationFanOut {

    private final RegionRegistry registry;
    private final RegionalClient client;
    private final AggregatorConfig.Fanout config;

    public InvestigationFanOut(RegionRegistry registry, RegionalClient client, AggregatorConfig config) {
        this.registry = registry;
        this.client = client;
        this.config = config.fanout();
    }

    /**
     * What to fan out.
     *
     * @param customersByRegion the customers to ask about, by home region
     * @param template          the regional query without customers, paging and sort
     * @param order             the sort
     * @param position          the cursor's last emitted position, or null to start at the beginning
     * @param skip              items of the global order to skip (offset paging; 0 with a position)
     * @param take              items to return
     * @param arrivedNanos      when the public request arrived: the regions' deadlines count from there
     */
    public record Request(Map<String, List<UUID>> customersByRegion, RegionalWire.QueryRequest template,
            SortOrder order, SortKey position, int skip, int take, Actor actor, long arrivedNanos) {
    }

    /** The merged page and how every region did. */
    public record Result(List<FederatedItem> items, boolean hasMore, List<RegionReport> regions, long total,
            boolean partial) {
    }

    public Uni<Result> query(Request request) {
        List<RegionSource> sources = new ArrayList<>();
        List<RegionReport> unconfigured = new ArrayList<>();
        boolean single = request.customersByRegion().size() == 1 && request.position() == null;
        for (Map.Entry<String, List<UUID>> e : request.customersByRegion().entrySet()) {
            var region = registry.region(e.getKey());
            if (region.isEmpty()) {
                // The entitlement service homes a customer in a region this aggregator does not know.
                unconfigured.add(new RegionReport(e.getKey(), RegionStatus.ERROR, 0, 0, null));
                continue;
            }
            RegionalWire.QueryRequest template = withCustomers(request.template(), e.getValue());
            RegionalWire.After firstAfter = request.position() == null ? null
                    : Keys.after(request.order().field(), request.position(),
                            request.order().regionComesAfter(e.getKey(), request.position().region()));
            long deadline = request.arrivedNanos() + region.get().deadline().toNanos();
            sources.add(new RegionSource(region.get(), client, request.actor(), template, request.order(), firstAfter,
                    single ? request.skip() : null, deadline));
        }
        if (sources.isEmpty()) {
            return Uni.createFrom().item(new Result(List.of(), false, unconfigured, 0, !unconfigured.isEmpty()));
        }
        Comparator<SortKey> keys = request.order().comparator();
        Comparator<FederatedItem> order = (a, b) -> keys.compare(a.key(), b.key());
        int skip = single ? 0 : request.skip();
        return KWayMerge.merge(sources, order, skip, request.take(), config.maxChunk()).map(merged -> {
            List<RegionReport> reports = new ArrayList<>();
            long total = 0;
            boolean partial = !unconfigured.isEmpty();
            for (int i = 0; i < sources.size(); i++) {
                RegionSource s = sources.get(i);
                RegionStatus status = merged.failed()[i] ? s.status() : RegionStatus.OK;
                if (status == RegionStatus.OK && merged.failed()[i]) {
                    status = RegionStatus.ERROR;
                }
                partial |= status != RegionStatus.OK;
                if (s.total() != null) {
                    total += s.total();
                }
                reports.add(new RegionReport(s.regionId(), status, s.tookMillis(), merged.emittedPerSource()[i],
                        s.total()));
            }
            reports.addAll(unconfigured);
            reports.sort(Comparator.comparing(RegionReport::region));
            return new Result(merged.items(), merged.hasMore(), reports, total, partial);
        });
    }

    private static RegionalWire.QueryRequest withCustomers(RegionalWire.QueryRequest t, List<UUID> customers) {
        return new RegionalWire.QueryRequest(List.copyOf(customers), t.statuses(), t.priorities(), t.sources(),
                t.dispositions(), t.assigneeEmail(), t.assigneeIds(), t.tags(), t.createdFrom(), t.createdTo(),
                t.titleContains(), t.rrns(), t.alertRuleRrns(), t.alertMitreTCodes(), t.actorAssetHostnameContains(),
                t.actorUserNameContains(), null, null, null, null, null);
    }
}
