package io.mci.aggregator.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.mci.aggregator.federation.client.RegionRegistry;
import io.mci.aggregator.support.Upstream;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Every region's state as health data (its own readiness and its circuit breaker). Always UP: a region that is
 * down makes answers partial, it does not make the aggregator unready.
 */
@Readiness
@ApplicationScoped
public class RegionsHealth implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final RegionRegistry registry;

    public RegionsHealth(RegionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String[]>> probes = new ArrayList<>();
        for (RegionRegistry.Region region : registry.all()) {
            probes.add(Upstream.answer(region.api().ready())
                    .map(r -> r.getStatus() == 200 ? "UP" : "DOWN")
                    .ifNoItem().after(PROBE_TIMEOUT).recoverWithItem("UNREACHABLE")
                    .onFailure().recoverWithItem("UNREACHABLE")
                    .map(state -> new String[] { region.id(), state, registry.state(region.id()).name() }));
        }
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("regions").up();
        if (probes.isEmpty()) {
            return Uni.createFrom().item(builder.build());
        }
        return Uni.join().all(probes).andFailFast().map(results -> {
            for (String[] r : results) {
                builder.withData(r[0], r[1] + " (circuit " + r[2] + ")");
            }
            return builder.build();
        });
    }
}
