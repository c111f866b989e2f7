package io.mci.aggregator.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.smallrye.mutiny.Uni;

/**
 * The aggregator's own access token (client credentials of {@code mci-aggregator}), fetched once and
 * refreshed when it expires; in memory only. Every call to a region or to the entitlement service carries it.
 */
@ApplicationScoped
public class ServiceToken {

    private final OidcClient client;
    private final TokensHelper tokens = new TokensHelper();

    public ServiceToken(OidcClient client) {
        this.client = client;
    }

    /** {@code Bearer <token>} for an Authorization header. */
    public Uni<String> bearer() {
        return tokens.getTokens(client).map(t -> "Bearer " + t.getAccessToken());
    }
}
