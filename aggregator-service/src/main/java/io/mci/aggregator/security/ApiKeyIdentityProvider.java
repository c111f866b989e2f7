package io.mci.aggregator.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.entitlement.client.EntitlementWire;
import io.mci.contract.error.CorrelationId;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a verified X-Api-Key into the analyst's identity: principal = the analyst's OIDC subject, role
 * {@code mci-analyst}, so everything after authentication treats key and token users alike. Verified keys
 * are remembered briefly in memory ({@link ApiKeyCache}); unknown keys are not remembered.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    public static final String ANALYST_ROLE = "mci-analyst";

    private final EntitlementClient entitlement;
    private final ApiKeyCache cache;

    public ApiKeyIdentityProvider(EntitlementClient entitlement, ApiKeyCache cache) {
        this.entitlement = entitlement;
        this.cache = cache;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        EntitlementWire.VerifiedKey cached = cache.get(request.key());
        if (cached != null) {
            return Uni.createFrom().item(identity(cached));
        }
        RoutingContext ctx = request.getAttribute(RoutingContext.class.getName());
        return entitlement.verifyKey(request.key(), CorrelationId.of(ctx))
                .onFailure().transform(f -> new AuthenticationFailedException("API key could not be verified"))
                .map(verified -> {
                    if (verified == null || verified.analyst() == null || verified.analyst().subject() == null) {
                        throw new AuthenticationFailedException("Invalid API key");
                    }
                    cache.put(request.key(), verified);
                    return identity(verified);
                });
    }

    private static SecurityIdentity identity(EntitlementWire.VerifiedKey verified) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(verified.analyst().subject()))
                .addRole(ANALYST_ROLE)
                .addAttribute(ApiKeyAuthenticationMechanism.ATTRIBUTE_KEY_ID,
                        verified.keyId() == null ? "unknown" : verified.keyId())
                .build();
    }
}
