package io.mci.aggregator.federation.client;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.federation.client.RegionRegistry.Region;
import io.mci.aggregator.security.ServiceToken;
import io.mci.aggregator.support.Upstream;
import io.mci.contract.error.ErrorBody;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Every call to a region goes through here: the aggregator's token and the acting analyst's headers, the
 * region's circuit breaker, a deadline for reads (counted from the public request's arrival) and a timeout
 * for writes, retries for reads only, and metrics per region. A region that cannot serve fails the call with
 * {@link RegionUnavailableException}; a region that answers (any status below 500) hands the answer back.
 */
@ApplicationScoped
public class RegionalClient {

    private static final TypeLiteral<Uni<Response>> UNI_RESPONSE = new TypeLiteral<>() {
    };

    private final ServiceToken token;
    private final MeterRegistry meters;
    private final AggregatorConfig.Fanout fanout;

    public RegionalClient(ServiceToken token, MeterRegistry meters, AggregatorConfig config) {
        this.token = token;
        this.meters = meters;
        this.fanout = config.fanout();
    }

    /** A read, retried on failures the region may recover from, always within {@code deadlineNanos}. */
    public Uni<Response> read(Region region, String operation, long deadlineNanos,
            Function<String, Uni<Response>> call) {
        long started = System.nanoTime();
        Uni<Response> attempt = Uni.createFrom().deferred(() -> {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return Uni.createFrom().failure(new RegionTimeoutException(region.id()));
            }
            return attempt(region, Duration.ofNanos(left), call);
        });
        Uni<Response> retried = fanout.readRetries() <= 0 ? attempt
                : attempt.onFailure(f -> retryable(f, deadlineNanos)).retry()
                        .withBackOff(fanout.retryDelay(), fanout.retryDelay()).atMost(fanout.readRetries());
        return observe(region, operation, started, retried);
    }

    /** A write: never retried (a retry could apply it twice), under the write timeout. */
    public Uni<Response> write(Region region, String operation, Function<String, Uni<Response>> call) {
        long started = System.nanoTime();
        return observe(region, operation, started, attempt(region, fanout.writeTimeout(), call));
    }

    /** Reads the body of a 200/201 answer, or fails the call as an error of the region. */
    public static <T> T entity(Region region, Response response, Class<T> type) {
        int status = response.getStatus();
        if (status == 200 || status == 201) {
            try {
                return response.readEntity(type);
            } catch (RuntimeException e) {
                Log.warnf("Region %s sent an unreadable answer (%s)", region.id(), e.getClass().getSimpleName());
                throw new RegionUnavailableException(region.id(), RegionStatus.ERROR);
            }
        }
        ErrorBody body = Upstream.errorBody(response);
        Log.warnf("Region %s answered %d (code %s) where 200 was expected", region.id(), status,
                body == null ? null : body.code());
        throw new RegionUnavailableException(region.id(), RegionStatus.ERROR);
    }

    private Uni<Response> attempt(Region region, Duration timeout, Function<String, Uni<Response>> call) {
        return token.bearer().chain(auth -> guarded(region, () -> Upstream.answer(call.apply(auth))
                .map(r -> {
                    if (r.getStatus() >= 500) {
                        throw new Upstream.UpstreamStatusException(r.getStatus());
                    }
                    return r;
                })
                .ifNoItem().after(timeout).failWith(() -> new RegionTimeoutException(region.id()))));
    }

    private static Uni<Response> guarded(Region region, Supplier<Uni<Response>> call) {
        return region.guard().get(call, UNI_RESPONSE);
    }

    private boolean retryable(Throwable failure, long deadlineNanos) {
        if (failure instanceof CircuitBreakerOpenException || failure instanceof RegionTimeoutException) {
            return false;
        }
        long left = deadlineNanos - System.nanoTime();
        return left > fanout.retryDelay().toNanos() && Upstream.isTransient(failure);
    }

    private Uni<Response> observe(Region region, String operation, long started, Uni<Response> call) {
        return call
                .onItem().invoke(r -> record(region, operation, started, RegionStatus.OK))
                .onFailure().transform(f -> {
                    RegionStatus status = classify(f);
                    record(region, operation, started, status);
                    if (status != RegionStatus.CIRCUIT_OPEN) {
                        Log.warnf("Region %s %s failed: %s (%s)", region.id(), operation, status.wire(),
                                f.getClass().getSimpleName());
                    }
                    return f instanceof RegionUnavailableException ? f
                            : new RegionUnavailableException(region.id(), status);
                });
    }

    static RegionStatus classify(Throwable failure) {
        if (failure instanceof RegionUnavailableException r) {
            return r.status();
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return RegionStatus.CIRCUIT_OPEN;
        }
        if (failure instanceof RegionTimeoutException || failure instanceof java.util.concurrent.TimeoutException) {
            return RegionStatus.TIMEOUT;
        }
        return RegionStatus.ERROR;
    }

    private void record(Region region, String operation, long started, RegionStatus status) {
        Timer.builder("mci.region.requests")
                .description("Calls to a regional service: latency by region, operation and outcome")
                .tag("region", region.id())
                .tag("operation", operation)
                .tag("outcome", status.wire())
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - started));
        if (status != RegionStatus.OK) {
            meters.counter("mci.region.errors", "region", region.id(), "kind", status.wire()).increment();
        }
    }
}
