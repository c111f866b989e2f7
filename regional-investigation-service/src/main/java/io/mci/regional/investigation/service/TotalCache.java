package io.mci.regional.investigation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.mci.regional.investigation.model.InvestigationFilter;
import io.smallrye.mutiny.Uni;

/**
 * Totals of recent queries, keyed by a digest of the customer set and the filters (not the sort, position or
 * offset), kept for a short TTL and only while no write of this region has committed since they were counted
 * (paging through one result, or listing again, asks for the same total). A write is followed by a fresh count,
 * so a total never lags the items. (One service instance per region: writes through another instance are not
 * seen, and then the TTL bounds the lag.)
 */
final class TotalCache {

    private record Entry(long total, long expiresAt, long writes) {
    }

    private final long ttlNanos;
    private final int maxSize;
    private final LongSupplier committedWrites;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    TotalCache(Duration ttl, int maxSize, LongSupplier committedWrites) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
        this.committedWrites = committedWrites;
    }

    Uni<Long> total(InvestigationFilter filter, Supplier<Uni<Long>> count) {
        if (ttlNanos <= 0) {
            return count.get();
        }
        String key = key(filter);
        long now = System.nanoTime();
        long writes = committedWrites.getAsLong(); // read before counting: a write committed meanwhile voids the entry
        Entry hit = entries.get(key);
        if (hit != null && hit.expiresAt() - now > 0 && hit.writes() == writes) {
            return Uni.createFrom().item(hit.total());
        }
        return count.get().invoke(total -> {
            if (entries.size() >= maxSize) {
                long t = System.nanoTime();
                entries.values().removeIf(e -> e.expiresAt() - t <= 0);
                if (entries.size() >= maxSize) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry(total, System.nanoTime() + ttlNanos, writes));
        });
    }

    /** A digest of everything that decides which rows count: the sorted customers and every filter. */
    static String key(InvestigationFilter f) {
        StringBuilder text = new StringBuilder();
        for (UUID c : new TreeSet<>(f.customers())) {
            text.append(c).append(',');
        }
        text.append('|').append(new TreeSet<>(f.statuses())).append('|').append(new TreeSet<>(f.priorities()))
                .append('|').append(new TreeSet<>(f.sources())).append('|').append(new TreeSet<>(f.dispositions()))
                .append('|').append(f.assigneeEmail()).append('|').append(new TreeSet<>(f.assigneeIds()))
                .append('|').append(new TreeSet<>(f.tags())).append('|').append(f.createdFrom()).append('|')
                .append(f.createdTo()).append('|').append(f.titleContains()).append('|').append(new TreeSet<>(f.rrns()))
                .append('|').append(new TreeSet<>(f.shortIds())).append('|').append(new TreeSet<>(f.alertRuleRrns()))
                .append('|').append(new TreeSet<>(f.alertMitreTCodes())).append('|').append(f.actorAssetHostnameContains())
                .append('|').append(f.actorUserNameContains());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
