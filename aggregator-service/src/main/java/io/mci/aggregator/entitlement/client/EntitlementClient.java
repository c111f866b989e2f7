package io.mci.aggregator.entitlement.client;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.security.Caller;
import io.mci.aggregator.security.ServiceToken;
import io.mci.aggregator.support.MemoryCache;
import io.mci.aggregator.support.Upstream;
import io.mci.contract.error.ApiException;
import io.mci.contract.error.ErrorBody;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The wrapper around {@link EntitlementApi}: service token, correlation id, timeout and read retries from
 * configuration, and one mapping of the entitlement service's answers to what the public API says. The
 * aggregator fails closed: when the entitlement service cannot answer, nothing is served (503).
 */
@ApplicationScoped
public class EntitlementClient {

    private final EntitlementApi api;
    private final ServiceToken token;
    private final AggregatorConfig.Entitlement config;
    private final MemoryCache<String, CachedDecision> decisions;

    public EntitlementClient(@RestClient EntitlementApi api, ServiceToken token, AggregatorConfig config) {
        this.api = api;
        this.token = token;
        this.config = config.entitlement();
        this.decisions = new MemoryCache<>(this.config.decisionCacheTtl(), this.config.decisionCacheMaxCustomers(),
                held -> 1L + held.decision().entitled().size() + held.decision().excluded().size());
    }

    /**
     * The analyst's decision; 403 ANALYST_NOT_REGISTERED passes through. Asked on every request, conditionally: the
     * last decision of the analyst is kept in memory with its ETag, and the entitlement service answers 304 while
     * nothing that decides it has changed (one tiny query instead of the decision query and its JSON). So a revoked
     * grant, a lapsed licence or a preference change still takes effect on the very next request.
     */
    public Uni<Decision> decision(Caller caller) {
        String subject = caller.subject();
        CachedDecision held = decisions.get(subject);
        return read(caller.correlationId(), auth -> api.decision(subject, auth, caller.correlationId(),
                held == null ? null : held.etag()))
                .map(r -> {
                    if (r.getStatus() == 304 && held != null) {
                        return held.decision();
                    }
                    Decision decision = entity(r, Decision.class);
                    String etag = r.getHeaderString("ETag");
                    if (etag == null) {
                        decisions.remove(subject);
                    } else {
                        decisions.put(subject, new CachedDecision(etag, decision));
                    }
                    return decision;
                });
    }

    /** Forgets every decision held (tests). */
    public void forgetDecisions() {
        decisions.clear();
    }

    private record CachedDecision(String etag, Decision decision) {
    }

    public Uni<EntitlementWire.Preferences> preferences(Caller caller) {
        return read(caller.correlationId(), auth -> api.preferences(caller.subject(), auth, caller.correlationId()))
                .map(r -> entity(r, EntitlementWire.Preferences.class));
    }

    public Uni<EntitlementWire.Preferences> putPreferences(Caller caller, boolean enabled) {
        return write(caller.correlationId(), auth -> api.putPreferences(caller.subject(),
                new EntitlementWire.Preferences(enabled), auth, caller.correlationId()))
                .map(r -> entity(r, EntitlementWire.Preferences.class));
    }

    public Uni<EntitlementWire.CustomerTable> customerTable(Caller caller) {
        return read(caller.correlationId(), auth -> api.customerTable(caller.subject(), auth, caller.correlationId()))
                .map(r -> entity(r, EntitlementWire.CustomerTable.class));
    }

    /** Assignable users of a customer; 404 (not entitled) becomes the public "customer not found". */
    public Uni<EntitlementWire.AssignableUsers> assignableUsers(Caller caller, UUID customerId) {
        return read(caller.correlationId(), auth -> api.assignableUsers(caller.subject(), customerId.toString(), auth,
                caller.correlationId()))
                .map(r -> {
                    if (r.getStatus() == 404) {
                        throw customerNotFound();
                    }
                    return entity(r, EntitlementWire.AssignableUsers.class);
                });
    }

    /** Verifies an X-Api-Key: the key's analyst, or null for an unknown or revoked key. */
    public Uni<EntitlementWire.VerifiedKey> verifyKey(String key, String correlationId) {
        return read(correlationId, auth -> api.verifyKey(new EntitlementWire.VerifyKeyRequest(key), auth, correlationId))
                .map(r -> {
                    if (r.getStatus() == 401 || r.getStatus() == 404) {
                        return null;
                    }
                    return entity(r, EntitlementWire.VerifiedKey.class);
                });
    }

    /** True when the entitlement service reports itself ready. */
    public Uni<Boolean> ready() {
        return Upstream.answer(api.ready()).map(r -> r.getStatus() == 200)
                .ifNoItem().after(config.timeout()).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }

    public static ApiException customerNotFound() {
        return ApiException.notFound("Customer not found.");
    }

    private Uni<Response> read(String correlationId, Function<String, Uni<Response>> call) {
        Uni<Response> attempt = token.bearer().chain(auth -> Upstream.answer(call.apply(auth)))
                .ifNoItem().after(config.timeout()).fail()
                .map(r -> {
                    if (r.getStatus() >= 500) {
                        throw new Upstream.UpstreamStatusException(r.getStatus());
                    }
                    return r;
                });
        return Upstream.retryReads(attempt, config.readRetries(), java.time.Duration.ofMillis(50), Upstream::isTransient)
                .onFailure(f -> !(f instanceof ApiException)).transform(f -> unavailable(f, correlationId));
    }

    private Uni<Response> write(String correlationId, Function<String, Uni<Response>> call) {
        return token.bearer().chain(auth -> Upstream.answer(call.apply(auth)))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure(f -> !(f instanceof ApiException)).transform(f -> unavailable(f, correlationId));
    }

    private static ApiException unavailable(Throwable failure, String correlationId) {
        Log.warnf("Entitlement service unavailable: %s [correlation_id=%s]", failure.getClass().getSimpleName(),
                correlationId);
        return new ApiException(503, "ENTITLEMENT_UNAVAILABLE",
                "The entitlement service is unavailable, so access cannot be decided; try again later.");
    }

    private static <T> T entity(Response r, Class<T> type) {
        int status = r.getStatus();
        if (status == 200 || status == 201) {
            return r.readEntity(type);
        }
        ErrorBody body = Upstream.errorBody(r);
        if (status == 403 && body != null && "ANALYST_NOT_REGISTERED".equals(body.code())) {
            throw ApiException.forbidden("ANALYST_NOT_REGISTERED", "You are not registered as an analyst of any partner.");
        }
        if (status == 400 && body != null) {
            // Input we passed on (for example a preference value): the entitlement service's message is ours to show.
            throw new ApiException(400, body.code() == null ? "BAD_REQUEST" : body.code(), body.message(), body.accepted());
        }
        Log.warnf("Entitlement service answered %d (code %s)", status, body == null ? null : body.code());
        throw new ApiException(502, "ENTITLEMENT_ERROR", "The entitlement service gave an unexpected answer.");
    }
}
