package io.mci.aggregator.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.security.ApiKeyCache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Base of the aggregator's @QuarkusTests: the same test resources everywhere, so the application starts once
 * for all of them. Every test starts with no stubs, closed breakers and no remembered API keys or decisions.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(DownstreamStubs.class)
public abstract class AggregatorTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ApiKeyCache apiKeys;

    @Inject
    EntitlementClient entitlement;

    @BeforeEach
    void freshDownstream() {
        Stubs.resetAll();
        breakers.resetAll();
        apiKeys.clear();
        entitlement.forgetDecisions();
    }
}
