package io.mci.aggregator.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.entitlement.client.EntitlementWire;
import io.mci.aggregator.support.MemoryCache;

/**
 * Verified API keys, briefly, in memory only (never on disk), keyed by the SHA-256 of the key so that the
 * heap does not hold the secrets themselves. Bounded: when full, expired entries go first, then everything.
 */
@ApplicationScoped
public class ApiKeyCache {

    private final MemoryCache<String, EntitlementWire.VerifiedKey> entries;

    public ApiKeyCache(AggregatorConfig config) {
        this.entries = new MemoryCache<>(config.apiKeys().cacheTtl(), config.apiKeys().cacheMaxEntries());
    }

    public EntitlementWire.VerifiedKey get(String key) {
        return entries.get(hash(key));
    }

    public void put(String key, EntitlementWire.VerifiedKey verified) {
        entries.put(hash(key), verified);
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
}
