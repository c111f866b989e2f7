package io.mci.entitlement.apikey.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.entitlement.apikey.model.ApiKey;

/** API keys on the wire. The plaintext appears only in {@link CreatedKey}, once. */
public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    /** {@code {"name": "SOAR connector"}} */
    public record CreateKeyBody(String name) {
    }

    /** {@code {"key": "mci_..."}} */
    public record VerifyBody(String key) {
    }

    public record KeyView(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.name, k.createdAt, k.lastUsedAt, k.revokedAt);
        }
    }

    /** The answer of creation: the only time the key text is shown. */
    public record CreatedKey(UUID id, String name, String key, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    public record KeyList(List<KeyView> apiKeys) {
    }

    public record VerifiedKey(UUID keyId, Analyst analyst) {
    }

    public record Analyst(UUID id, String subject, String email, String name, UUID partnerId) {
    }
}
