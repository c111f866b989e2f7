package io.mci.aggregator.federation.client;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.support.Upstream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The regions, from configuration ({@code mci.regions.<id>.url}): for each, a REST client and a guard with its
 * own circuit breaker (SmallRye Fault Tolerance programmatic API, thresholds from {@code mci.breaker.*}).
 * Adding a region is configuration, not code.
 */
@ApplicationScoped
public class RegionRegistry {

    /** One configured region. */
    public record Region(String id, String url, RegionalApi api, Guard guard, Duration deadline) {
        public String breakerName() {
            return breakerName(id);
        }

        static String breakerName(String id) {
            return "region-" + id;
        }
    }

    private final Map<String, Region> regions;
    private final Map<String, CircuitBreakerState> observedStates = new ConcurrentHashMap<>();
    private final CircuitBreakerMaintenance maintenance;

    public RegionRegistry(AggregatorConfig config, MeterRegistry meters, CircuitBreakerMaintenance maintenance) {
        this.maintenance = maintenance;
        Map<String, Region> built = new TreeMap<>();
        AggregatorConfig.Breaker breaker = config.breaker();
        config.regions().forEach((id, region) -> {
            RegionalApi api = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(region.url()))
                    .connectTimeout(Math.max(1, config.fanout().writeTimeout().toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .readTimeout(Math.max(1, config.fanout().writeTimeout().toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .build(RegionalApi.class);
            observedStates.put(id, CircuitBreakerState.CLOSED);
            Guard guard = Guard.create()
                    .withDescription("regional service " + id)
                    .withCircuitBreaker()
                        .name(Region.breakerName(id))
                        .requestVolumeThreshold(breaker.requestVolumeThreshold())
                        .failureRatio(breaker.failureRatio())
                        .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                        .successThreshold(breaker.successThreshold())
                        .when(RegionRegistry::isRegionFailure)
                        .onStateChange(state -> {
                            observedStates.put(id, state);
                            Log.infof("Circuit breaker of region %s is now %s", id, state);
                        })
                        .done()
                    .build();
            Duration deadline = region.deadline().orElse(config.fanout().deadline());
            built.put(id, new Region(id, region.url(), api, guard, deadline));
            Gauge.builder("mci.region.circuit.state", () -> stateValue(id))
                    .description("Circuit breaker of the region: 0 closed, 1 half-open, 2 open")
                    .tag("region", id)
                    .register(meters);
        });
        this.regions = Collections.unmodifiableMap(built);
        Log.infof("Regions configured: %s", regions.keySet());
    }

    public Optional<Region> region(String id) {
        return Optional.ofNullable(id == null ? null : regions.get(id));
    }

    /** Every configured region, ordered by id. */
    public Collection<Region> all() {
        return regions.values();
    }

    /** The breaker's state of a region (CLOSED when it cannot be read). */
    public CircuitBreakerState state(String id) {
        try {
            return maintenance.currentState(Region.breakerName(id));
        } catch (RuntimeException e) {
            return observedStates.getOrDefault(id, CircuitBreakerState.CLOSED);
        }
    }

    private double stateValue(String id) {
        return switch (state(id)) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    /** What the breaker counts as a failure of the region: no answer in time, no connection, or a 5xx. */
    static boolean isRegionFailure(Throwable failure) {
        return failure instanceof RegionTimeoutException || failure instanceof TimeoutException
                || Upstream.isTransient(failure);
    }
}
