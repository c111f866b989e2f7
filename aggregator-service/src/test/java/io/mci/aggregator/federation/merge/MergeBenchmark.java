package io.mci.aggregator.federation.merge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.smallrye.mutiny.Uni;

/**
 * A measurement (not a test) of the in-memory merge cost, with regions answering instantly: how long the
 * aggregator's own work takes for the deepest offset page and for a cursor page. Run it with
 * {@code java -cp <test classpath> io.mci.aggregator.federation.merge.MergeBenchmark}; results are recorded in
 * docs/aggregator.md.
 */
public final class MergeBenchmark {

    private MergeBenchmark() {
    }

    public static void main(String[] args) {
        int perRegion = 10_000;
        List<List<SortKey>> regions = new ArrayList<>();
        Random random = new Random(7);
        String[] ids = { "us", "eu", "ap" };
        SortOrder order = new SortOrder(SortField.PRIORITY, true);
        for (String region : ids) {
            List<SortKey> keys = new ArrayList<>();
            for (int i = 0; i < perRegion; i++) {
                keys.add(new SortKey(random.nextInt(5), Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(86_400_000)),
                        null, String.format("ID%010d", i), region));
            }
            keys.sort(order.comparator());
            regions.add(keys);
        }
        for (int round = 0; round < 3; round++) {
            report("deepest offset page (skip 9,900, take 100, chunks of 1,000)", regions, order, 9_900, 100, 200);
            report("cursor page (take 100)", regions, order, 0, 100, 2_000);
        }
    }

    private static void report(String what, List<List<SortKey>> regions, SortOrder order, int skip, int take, int runs) {
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int r = 0; r < runs; r++) {
            List<KWayMerge.Source<SortKey>> sources = new ArrayList<>();
            for (List<SortKey> keys : regions) {
                sources.add(new KWayMerge.Source<>() {
                    int position;

                    @Override
                    public Uni<KWayMerge.Chunk<SortKey>> next(int limitHint) {
                        int end = Math.min(keys.size(), position + limitHint);
                        List<SortKey> chunk = keys.subList(position, end);
                        position = end;
                        return Uni.createFrom().item(new KWayMerge.Chunk<>(chunk, end < keys.size()));
                    }
                });
            }
            long started = System.nanoTime();
            KWayMerge.merge(sources, order.comparator(), skip, take, 1000).await().atMost(Duration.ofSeconds(10));
            long took = System.nanoTime() - started;
            best = Math.min(best, took);
            total += took;
        }
        System.out.printf("%-62s mean %8.3f ms  best %8.3f ms  (%d runs)%n", what, total / runs / 1e6, best / 1e6, runs);
    }
}
