package io.mci.aggregator.federation.merge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.smallrye.mutiny.Uni;

/**
 * The streaming k-way merge: a priority queue over the heads of per-region sources, each already in the
 * global order. A source is asked for more items (by keyset, lazily) only when its buffer is empty and the
 * merge still needs items, because only then can its next item be the smallest. A source that fails is
 * dropped from the merge (its region is then reported as failed by the caller); the others go on.
 *
 * <p>Not thread-safe by design: one merge belongs to one request, and its state changes only in the
 * continuation of the joined fetches, never inside concurrent callbacks.
 *
 * @param <T> the merged item
 */
public final class KWayMerge<T> {

    /** One ordered stream of items, fetched in chunks. */
    public interface Source<T> {
        /**
         * The next items after the ones already returned, in the global order.
         *
         * @param limitHint how many items the merge may still need (at least 1)
         */
        Uni<Chunk<T>> next(int limitHint);
    }

    /** Items of one fetch, and whether the source has more after them. */
    public record Chunk<T>(List<T> items, boolean hasMore) {
    }

    /**
     * The merged page: the items after {@code skip}, at most {@code take}; whether any item is left after them;
     * how many of the page came from each source; which sources failed.
     */
    public record Result<T>(List<T> items, boolean hasMore, int[] emittedPerSource, boolean[] failed) {
    }

    private final List<? extends Source<T>> sources;
    private final Comparator<T> order;
    private final int skip;
    private final int take;
    private final int maxChunk;

    private final List<ArrayDeque<T>> buffers = new ArrayList<>();
    private final boolean[] started;
    private final boolean[] more;
    private final boolean[] failed;
    private final int[] emitted;
    private final List<T> page = new ArrayList<>();
    private final PriorityQueue<Integer> heads;
    private int consumed;

    private KWayMerge(List<? extends Source<T>> sources, Comparator<T> order, int skip, int take, int maxChunk) {
        this.sources = sources;
        this.order = order;
        this.skip = skip;
        this.take = take;
        this.maxChunk = Math.max(1, maxChunk);
        int k = sources.size();
        this.started = new boolean[k];
        this.more = new boolean[k];
        this.failed = new boolean[k];
        this.emitted = new int[k];
        for (int i = 0; i < k; i++) {
            buffers.add(new ArrayDeque<>());
        }
        // Ties between sources cannot happen when T's order is total (key, id, region); the index keeps it stable anyway.
        this.heads = new PriorityQueue<>(Math.max(1, k), (a, b) -> {
            int c = order.compare(buffers.get(a).peekFirst(), buffers.get(b).peekFirst());
            return c != 0 ? c : Integer.compare(a, b);
        });
    }

    /**
     * Merges the sources: skips the first {@code skip} items of the global order and returns the next {@code take}.
     *
     * @param maxChunk the largest chunk asked of one source at a time
     */
    public static <T> Uni<Result<T>> merge(List<? extends Source<T>> sources, Comparator<T> order, int skip, int take,
            int maxChunk) {
        if (take < 0 || skip < 0) {
            throw new IllegalArgumentException("skip and take must not be negative");
        }
        return new KWayMerge<>(sources, order, skip, take, maxChunk).run();
    }

    private Uni<Result<T>> run() {
        while (true) {
            List<Integer> pending = pendingFetches();
            if (!stillNeeded()) {
                return Uni.createFrom().item(result());
            }
            if (!pending.isEmpty()) {
                return fetch(pending).chain(this::run);
            }
            Integer next = heads.poll();
            if (next == null) {
                return Uni.createFrom().item(result()); // every source is exhausted or failed
            }
            T item = buffers.get(next).pollFirst();
            if (consumed >= skip) {
                page.add(item);
                emitted[next]++;
            }
            consumed++;
            if (!buffers.get(next).isEmpty()) {
                heads.add(next);
            }
        }
    }

    /** Sources whose next item is unknown and that may have one: never started, or drained with more to come. */
    private List<Integer> pendingFetches() {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!failed[i] && buffers.get(i).isEmpty() && (!started[i] || more[i])) {
                pending.add(i);
            }
        }
        return pending;
    }

    private boolean stillNeeded() {
        return consumed < skip + take;
    }

    private Uni<Void> fetch(List<Integer> pending) {
        int hint = (int) Math.max(1, Math.min((long) skip + take - consumed, maxChunk));
        List<Uni<Fetched<T>>> fetches = new ArrayList<>();
        for (int i : pending) {
            fetches.add(sources.get(i).next(hint)
                    .map(chunk -> new Fetched<>(i, chunk, null))
                    .onFailure().recoverWithItem(f -> new Fetched<>(i, null, f)));
        }
        return Uni.join().all(fetches).andFailFast().invoke(this::apply).replaceWithVoid();
    }

    private void apply(List<Fetched<T>> fetched) {
        for (Fetched<T> f : fetched) {
            int i = f.source();
            started[i] = true;
            if (f.failure() != null || f.chunk() == null) {
                failed[i] = true;
                more[i] = false;
                buffers.get(i).clear();
                continue;
            }
            List<T> items = f.chunk().items() == null ? List.of() : f.chunk().items();
            buffers.get(i).addAll(items);
            // A source that claims more but returned nothing would loop forever: take it as exhausted.
            more[i] = f.chunk().hasMore() && !items.isEmpty();
            if (!buffers.get(i).isEmpty()) {
                heads.add(i);
            }
        }
    }

    private Result<T> result() {
        boolean hasMore = false;
        for (int i = 0; i < sources.size(); i++) {
            if (!failed[i] && (!buffers.get(i).isEmpty() || more[i] || !started[i])) {
                hasMore = true;
            }
        }
        return new Result<>(List.copyOf(page), hasMore, emitted.clone(), failed.clone());
    }

    private record Fetched<T>(int source, Chunk<T> chunk, Throwable failure) {
    }
}
