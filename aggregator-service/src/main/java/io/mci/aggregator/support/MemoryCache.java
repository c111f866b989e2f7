package io.mci.aggregator.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * A small cache in memory only (never on disk). An entry lives {@code ttl}. Each value has a weight (1 unless a
 * weigher says otherwise, e.g. a decision weighs its customers) and the cache holds at most {@code maxWeight}; when
 * a put would pass it, the expired entries go first, then everything. A zero TTL caches nothing.
 */
public final class MemoryCache<K, V> {

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong weight = new AtomicLong();
    private final long ttlNanos;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;

    public MemoryCache(Duration ttl, long maxEntries) {
        this(ttl, maxEntries, v -> 1);
    }

    public MemoryCache(Duration ttl, long maxWeight, ToLongFunction<V> weigher) {
        this.ttlNanos = ttl.toNanos();
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The value, or null when there is none or it has expired. */
    public V get(K key) {
        if (ttlNanos <= 0) {
            return null;
        }
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedNanos() > ttlNanos) {
            remove(key, entry);
            return null;
        }
        return entry.value();
    }

    public void put(K key, V value) {
        long w = Math.max(1, weigher.applyAsLong(value));
        if (ttlNanos <= 0 || w > maxWeight) {
            remove(key);
            return;
        }
        if (weight.get() + w > maxWeight) {
            long now = System.nanoTime();
            entries.forEach((k, e) -> {
                if (now - e.storedNanos() > ttlNanos) {
                    remove(k, e);
                }
            });
            if (weight.get() + w > maxWeight) {
                clear();
            }
        }
        Entry<V> entry = new Entry<>(value, w, System.nanoTime());
        Entry<V> previous = entries.put(key, entry);
        weight.addAndGet(w - (previous == null ? 0 : previous.weight()));
    }

    public void remove(K key) {
        Entry<V> previous = entries.remove(key);
        if (previous != null) {
            weight.addAndGet(-previous.weight());
        }
    }

    private void remove(K key, Entry<V> entry) {
        if (entries.remove(key, entry)) {
            weight.addAndGet(-entry.weight());
        }
    }

    public void clear() {
        entries.keySet().forEach(this::remove);
    }

    private record Entry<V>(V value, long weight, long storedNanos) {
    }
}
