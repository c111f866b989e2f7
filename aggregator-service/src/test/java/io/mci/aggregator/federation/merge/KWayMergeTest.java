package io.mci.aggregator.federation.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The k-way merge alone: order, skip/take, laziness, failing and lying sources. */
class KWayMergeTest {

    /** A sorted list served in chunks; counts the fetches and what was asked. */
    static final class ListSource implements KWayMerge.Source<Integer> {
        final List<Integer> items;
        int position;
        final List<Integer> hints = new ArrayList<>();
        final int chunkCap;
        final boolean fail;

        ListSource(List<Integer> items, int chunkCap, boolean fail) {
            this.items = items;
            this.chunkCap = chunkCap;
            this.fail = fail;
        }

        @Override
        public Uni<KWayMerge.Chunk<Integer>> next(int limitHint) {
            hints.add(limitHint);
            if (fail) {
                return Uni.createFrom().failure(new IllegalStateException("down"));
            }
            int end = Math.min(items.size(), position + Math.min(limitHint, chunkCap));
            List<Integer> chunk = List.copyOf(items.subList(position, end));
            position = end;
            return Uni.createFrom().item(new KWayMerge.Chunk<>(chunk, end < items.size()));
        }
    }

    private static KWayMerge.Result<Integer> merge(List<ListSource> sources, int skip, int take, int maxChunk) {
        return KWayMerge.merge(sources, Comparator.<Integer>naturalOrder(), skip, take, maxChunk)
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void mergesInGlobalOrderAcrossPagesWithoutGapsOrRepeats() {
        Random random = new Random(1);
        List<List<Integer>> lists = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < 30 + s; i++) {
                int v = random.nextInt(1000) * 4 + s; // distinct across sources, like key,id,region
                l.add(v);
            }
            l.sort(Comparator.naturalOrder());
            lists.add(l);
            all.addAll(l);
        }
        all.sort(Comparator.naturalOrder());
        List<Integer> seen = new ArrayList<>();
        for (int skip = 0; skip < all.size(); skip += 7) {
            List<ListSource> sources = lists.stream().map(l -> new ListSource(l, 5, false)).toList();
            KWayMerge.Result<Integer> page = merge(sources, skip, 7, 1000);
            seen.addAll(page.items());
            assertEquals(skip + 7 < all.size(), page.hasMore());
        }
        assertEquals(all, seen);
    }

    @Test
    void fetchesASourceOnlyWhenItsNextItemCouldBeTheSmallest() {
        ListSource small = new ListSource(IntStream.range(0, 100).boxed().toList(), 10, false);
        ListSource large = new ListSource(IntStream.range(1000, 1100).boxed().toList(), 10, false);
        KWayMerge.Result<Integer> page = merge(List.of(small, large), 0, 25, 1000);
        assertEquals(IntStream.range(0, 25).boxed().toList(), page.items());
        assertEquals(1, large.hints.size(), "the large source was asked once: its head never came up");
        assertEquals(3, small.hints.size(), "the small source was paged lazily, 10 at a time");
        assertEquals(List.of(25, 15, 5), small.hints, "each fetch asks for what may still be needed");
        assertArrayEquals(new int[] { 25, 0 }, page.emittedPerSource());
        assertTrue(page.hasMore());
    }

    @Test
    void aFailingSourceIsDroppedAndReportedWhileTheOthersAnswer() {
        ListSource ok = new ListSource(List.of(1, 3, 5), 10, false);
        ListSource down = new ListSource(List.of(2, 4), 10, true);
        KWayMerge.Result<Integer> page = merge(List.of(ok, down), 0, 10, 1000);
        assertEquals(List.of(1, 3, 5), page.items());
        assertArrayEquals(new boolean[] { false, true }, page.failed());
        assertFalse(page.hasMore());
    }

    @Test
    void aSourceClaimingMoreButSendingNothingDoesNotLoopForever() {
        KWayMerge.Source<Integer> liar = hint -> Uni.createFrom().item(new KWayMerge.Chunk<>(List.of(), true));
        KWayMerge.Result<Integer> page = KWayMerge.merge(List.of(liar, new ListSource(List.of(7), 1, false)),
                Comparator.<Integer>naturalOrder(), 0, 5, 10).await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(7), page.items());
        assertFalse(page.hasMore());
    }

    @Test
    void skipsBeforeTakingAndNeverAsksMoreThanTheMaximumChunk() {
        ListSource a = new ListSource(IntStream.range(0, 3000).map(i -> i * 2).boxed().toList(), 1000, false);
        ListSource b = new ListSource(IntStream.range(0, 3000).map(i -> i * 2 + 1).boxed().toList(), 1000, false);
        KWayMerge.Result<Integer> page = merge(List.of(a, b), 2500, 10, 1000);
        assertEquals(IntStream.range(2500, 2510).boxed().toList(), page.items());
        assertTrue(a.hints.stream().allMatch(h -> h <= 1000));
        assertEquals(5, page.emittedPerSource()[0]);
    }
}
