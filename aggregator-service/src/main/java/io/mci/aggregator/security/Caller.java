package io.mci.aggregator.security;

import io.mci.contract.error.CorrelationId;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is asking, and for which public request: the analyst's OIDC subject (from a bearer token or a verified
 * X-Api-Key), the correlation id to forward, and when the request arrived (deadlines count from there).
 */
public record Caller(String subject, String correlationId, long arrivedNanos, boolean apiKey) {

    public static Caller of(SecurityIdentity identity, RoutingContext ctx) {
        boolean viaKey = identity.getAttribute(ApiKeyAuthenticationMechanism.ATTRIBUTE_KEY_ID) != null;
        Long arrived = ctx.get(RequestClock.KEY);
        return new Caller(identity.getPrincipal().getName(), CorrelationId.of(ctx),
                arrived == null ? System.nanoTime() : arrived, viaKey);
    }
}
