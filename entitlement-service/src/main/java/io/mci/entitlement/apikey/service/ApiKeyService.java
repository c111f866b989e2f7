package io.mci.entitlement.apikey.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mci.contract.error.ApiException;
import io.mci.entitlement.analyst.model.Analyst;
import io.mci.entitlement.apikey.model.ApiKey;
import io.mci.entitlement.audit.model.AuditAction;
import io.mci.entitlement.audit.service.AuditLog;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.config.EntitlementConfig;
import io.mci.entitlement.security.Actor;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * User API keys: created by the analyst (the plaintext is returned once and never stored or
 * logged), listed, revoked; verified for the aggregator. Every verification is counted in
 * {@code mci_entitlement_api_key_verifications_total{outcome=...}}.
 */
@ApplicationScoped
public class ApiKeyService {

    /** Outcomes of a verification, the {@code outcome} tag of the counter. */
    public enum Outcome {
        VALID, MALFORMED, UNKNOWN, REVOKED, MISMATCH;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String VERIFICATIONS = "mci.entitlement.api_key.verifications";

    private final PartnerScope scope;
    private final AuditLog audit;
    private final EntitlementConfig config;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public ApiKeyService(PartnerScope scope, AuditLog audit, EntitlementConfig config, MeterRegistry registry) {
        this.scope = scope;
        this.audit = audit;
        this.config = config;
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(VERIFICATIONS).description("API key verifications by outcome")
                    .tag("outcome", outcome.tag()).register(registry));
        }
    }

    /** A new key and its plaintext, which exists only in this answer. */
    public record Created(ApiKey key, String plaintext) {
    }

    /** A verified key and its owner. */
    public record Verified(UUID keyId, Analyst analyst) {
    }

    @WithTransaction
    public Uni<Created> create(Actor actor, String subject, String name) {
        return scope.requireAnalyst(subject).chain(analyst -> ApiKey
                .count("analystId = :a and revokedAt is null", Parameters.with("a", analyst.id))
                .chain(active -> {
                    int max = config.apiKeys().maxActivePerAnalyst();
                    if (active >= max) {
                        throw ApiException.conflict("TOO_MANY_API_KEYS",
                                "You already hold " + max + " active API keys; revoke one first.");
                    }
                    ApiKeyCodec.Generated generated = ApiKeyCodec.generate();
                    ApiKey key = new ApiKey();
                    key.id = generated.id();
                    key.analystId = analyst.id;
                    key.name = name;
                    key.secretSha256 = generated.secretSha256();
                    key.createdAt = Times.now();
                    return key.persistAndFlush()
                            .chain(() -> audit.record(actor, analyst.partnerId, AuditAction.API_KEY_CREATED, "api_key",
                                    key.id, Map.of("analyst_id", analyst.id.toString(), "name", name)))
                            .replaceWith(new Created(key, generated.plaintext()));
                }));
    }

    @WithSession
    public Uni<List<ApiKey>> list(String subject) {
        return scope.requireAnalyst(subject)
                .chain(analyst -> ApiKey.<ApiKey>list("analystId", Sort.descending("createdAt").and("id"), analyst.id));
    }

    /** Revokes one of the analyst's own keys; it stops working at once. Another analyst's key is 404. */
    @WithTransaction
    public Uni<Void> revoke(Actor actor, String subject, UUID keyId) {
        return scope.requireAnalyst(subject).chain(analyst -> ApiKey.<ApiKey>findById(keyId).chain(key -> {
            if (key == null || !key.analystId.equals(analyst.id)) {
                throw ApiException.notFound("API key not found.");
            }
            if (key.revokedAt != null) {
                return Uni.createFrom().voidItem();
            }
            key.revokedAt = Times.now();
            return audit.record(actor, analyst.partnerId, AuditAction.API_KEY_REVOKED, "api_key", key.id,
                    Map.of("analyst_id", analyst.id.toString(), "name", key.name));
        }));
    }

    /** Key text -> its analyst; unknown, revoked or malformed keys are 401 INVALID_API_KEY. */
    @WithTransaction
    public Uni<Verified> verify(String keyText) {
        ApiKeyCodec.Presented presented = ApiKeyCodec.parse(keyText);
        if (presented == null) {
            ApiKeyCodec.matches(null, keyText);
            return Uni.createFrom().failure(refuse(Outcome.MALFORMED));
        }
        return ApiKey.<ApiKey>findById(presented.id()).chain(key -> {
            boolean secretMatches = ApiKeyCodec.matches(key == null ? null : key.secretSha256, presented.secret());
            if (key == null) {
                throw refuse(Outcome.UNKNOWN);
            }
            if (!secretMatches) {
                throw refuse(Outcome.MISMATCH);
            }
            if (key.revokedAt != null) {
                throw refuse(Outcome.REVOKED);
            }
            var now = Times.now();
            if (key.lastUsedAt == null || key.lastUsedAt.plus(config.apiKeys().lastUsedResolution()).isBefore(now)) {
                key.lastUsedAt = now;
            }
            return Analyst.<Analyst>findById(key.analystId).map(analyst -> {
                counters.get(Outcome.VALID).increment();
                return new Verified(key.id, analyst);
            });
        });
    }

    private ApiException refuse(Outcome outcome) {
        counters.get(outcome).increment();
        return new ApiException(401, "INVALID_API_KEY", "The API key is invalid or has been revoked.");
    }
}
