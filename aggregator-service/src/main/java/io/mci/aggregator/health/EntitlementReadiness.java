package io.mci.aggregator.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Ready only when the entitlement service answers: without it nothing can be decided, so nothing is served. */
@Readiness
@ApplicationScoped
public class EntitlementReadiness implements AsyncHealthCheck {

    private final EntitlementClient entitlement;

    public EntitlementReadiness(EntitlementClient entitlement) {
        this.entitlement = entitlement;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return entitlement.ready().map(ready -> HealthCheckResponse.named("entitlement-service").status(ready).build());
    }
}
