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
import java.util.function.Supplier;

import io.mci.regional.investigation.model.InvestigationFilter;
import io.smallrye.mutiny.Uni;

/**
 * Totals of recent queries, keyed by a digest of the customer set and the filters (not the sort, position or
 * offset), kept for a short TTL. A total may thus lag writes by up to the TTL; items never do.
 */
final class TotalCache {

    private record Entry(long total, long expiresAt) {
    }

    private final long ttlNanos;
    private final int maxSize;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    TotalCache(Duration ttl, int maxSize) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
    }

    Uni<Long> total(InvestigationFilter filter, Supplier<Uni<Long>> count) {
        if (ttlNanos <= 0) {
            return count.get();
        }
        String key = key(filter);
        long now = System.nanoTime();
        Entry hit = entries.get(key);
        if (hit != null && hit.expiresAt() - now > 0) {
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
            entries.put(key, new Entry(total, System.nanoTime() + ttlNanos));
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
