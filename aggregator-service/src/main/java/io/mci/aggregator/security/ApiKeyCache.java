package io.mci.aggregator.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.entitlement.client.EntitlementWire;

/**
 * Verified API keys, briefly, in memory only (never on disk), keyed by the SHA-256 of the key so that the
 * heap does not hold the secrets themselves. Bounded: when full, expired entries go first, then everything.
 */
@ApplicationScoped
public class ApiKeyCache {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ApiKeyCache(AggregatorConfig config) {
        this.ttlNanos = config.apiKeys().cacheTtl().toNanos();
        this.maxEntries = config.apiKeys().cacheMaxEntries();
    }

    public EntitlementWire.VerifiedKey get(String key) {
        if (ttlNanos <= 0) {
            return null;
        }
        String hash = hash(key);
        Entry entry = entries.get(hash);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedNanos() > ttlNanos) {
            entries.remove(hash, entry);
            return null;
        }
        return entry.verified();
    }

    public void put(String key, EntitlementWire.VerifiedKey verified) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.storedNanos() > ttlNanos);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(hash(key), new Entry(verified, System.nanoTime()));
    }

    /** Forgets every key (tests; operators revoking keys in a hurry can also restart). */
    public void clear() {
        entries.clear();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(EntitlementWire.VerifiedKey verified, long storedNanos) {
    }
}
