package io.mci.aggregator.federation.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Fans the Customers view's count query out: each region homing entitled customers is asked, in parallel,
 * for the counts of its own customers only. A failed region is reported and its customers have no counts.
 */
@ApplicationScoped
public class CountsFanOut {

    private final RegionRegistry registry;
    private final RegionalClient client;

    public CountsFanOut(RegionRegistry registry, RegionalClient client) {
        this.registry = registry;
        this.client = client;
    }

    /** Counts of every region that answered, and how each region did. */
    public record Result(List<RegionalWire.Count> counts, List<RegionReport> regions, List<String> failedRegions) {
    }

    public Uni<Result> counts(Map<String, List<UUID>> customersByRegion, Actor actor, long arrivedNanos) {
        List<Uni<RegionOutcome>> calls = new ArrayList<>();
        for (Map.Entry<String, List<UUID>> e : customersByRegion.entrySet()) {
            var region = registry.region(e.getKey());
            if (region.isEmpty()) {
                calls.add(Uni.createFrom().item(new RegionOutcome(e.getKey(), RegionStatus.ERROR, 0, List.of())));
                continue;
            }
            RegionRegistry.Region r = region.get();
            RegionalWire.CountsRequest request = new RegionalWire.CountsRequest(List.copyOf(e.getValue()), null, null);
            Set<UUID> asked = Set.copyOf(e.getValue());
            long started = System.nanoTime();
            calls.add(client.read(r, "counts", arrivedNanos + r.deadline().toNanos(),
                    auth -> r.api().counts(request, actor.callHeaders(auth, null)))
                    .map(resp -> RegionalClient.entity(r, resp, RegionalWire.CountsResponse.class))
                    .map(resp -> new RegionOutcome(r.id(), RegionStatus.OK, System.nanoTime() - started,
                            resp.counts().stream().filter(c -> asked.contains(c.customerId())).toList()))
                    .onFailure().recoverWithItem(f -> new RegionOutcome(r.id(), RegionalClient.classify(f),
                            System.nanoTime() - started, List.of())));
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().item(new Result(List.of(), List.of(), List.of()));
        }
        return Uni.join().all(calls).andFailFast().map(outcomes -> {
            List<RegionalWire.Count> counts = new ArrayList<>();
            List<RegionReport> reports = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (RegionOutcome o : outcomes) {
                counts.addAll(o.counts());
                long items = o.counts().stream().mapToLong(RegionalWire.Count::count).sum();
                reports.add(new RegionReport(o.region(), o.status(), o.tookNanos() / 1_000_000, o.counts().size(),
                        o.status() == RegionStatus.OK ? items : null));
                if (o.status() != RegionStatus.OK) {
                    failed.add(o.region());
                }
            }
            reports.sort(Comparator.comparing(RegionReport::region));
            return new Result(counts, reports, failed);
        });
    }

    private record RegionOutcome(String region, RegionStatus status, long tookNanos, List<RegionalWire.Count> counts) {
    }
}
