package io.mci.regional.region.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.mci.contract.error.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Decides whether customers are homed in this region, from a short-lived copy of the registry's customer
 * list for this region. Pure logic (no CDI) so that its timing rules are unit-tested with a fake clock:
 * <ul>
 * <li>the list is reloaded when older than the TTL; concurrent callers share one reload;</li>
 * <li>a customer missing from a fresh list triggers at most one reload per {@code minRefreshInterval};</li>
 * <li>still missing: one registry look-up tells "homed elsewhere" (421 {@code WRONG_REGION}) from
 * "unknown" (404 {@code UNKNOWN_CUSTOMER}); an unknown customer is never assumed local;</li>
 * <li>registry down: a list up to {@code maxStale} old is still used; with none, 503.</li>
 * </ul>
 */
public final class HomeRegionCache {

    private record Snapshot(Set<UUID> local, Instant loadedAt) {
    }

    private record Verdict(Optional<String> region, Instant at) {
    }

    private final String region;
    private final Supplier<Uni<Map<UUID, String>>> loadRegion;
    private final Function<UUID, Uni<Optional<String>>> lookUp;
    private final Supplier<Instant> clock;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final Duration maxStale;

    private volatile Snapshot snapshot;
    private volatile Instant lastLoadAttempt = Instant.EPOCH;
    private final AtomicReference<Uni<Snapshot>> inFlight = new AtomicReference<>();
    private final Map<UUID, Verdict> notLocal = new ConcurrentHashMap<>();

    public HomeRegionCache(String region, Supplier<Uni<Map<UUID, String>>> loadRegion,
            Function<UUID, Uni<Optional<String>>> lookUp, Supplier<Instant> clock, Duration ttl,
            Duration minRefreshInterval, Duration maxStale) {
        this.region = region;
        this.loadRegion = loadRegion;
        this.lookUp = lookUp;
        this.clock = clock;
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
        this.maxStale = maxStale;
    }

    /** Completes when every customer is homed here; fails with 421, 404 or 503 otherwise. */
    public Uni<Void> requireLocal(Collection<UUID> customers) {
        return current().chain(snap -> {
            List<UUID> missing = missing(snap, customers);
            if (missing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.get();
            boolean mayReload = Duration.between(lastLoadAttempt, now).compareTo(minRefreshInterval) >= 0;
            Uni<Snapshot> second = mayReload ? reload().onFailure().recoverWithItem(snap) : Uni.createFrom().item(snap);
            return second.chain(s -> {
                List<UUID> stillMissing = missing(s, customers);
                return stillMissing.isEmpty() ? Uni.createFrom().voidItem() : refuse(stillMissing.get(0));
            });
        });
    }

    private Uni<Void> refuse(UUID customer) {
        Instant now = clock.get();
        Verdict known = notLocal.get(customer);
        Uni<Optional<String>> home = known != null && Duration.between(known.at(), now).compareTo(ttl) < 0
                ? Uni.createFrom().item(known.region())
                : lookUp.apply(customer)
                        .onFailure().transform(e -> unavailable())
                        .invoke(r -> notLocal.put(customer, new Verdict(r, clock.get())));
        return home.chain(r -> {
            if (r.isEmpty()) {
                return Uni.createFrom().failure(new ApiException(404, "UNKNOWN_CUSTOMER",
                        "Customer " + customer + " is unknown to the customer registry."));
            }
            if (!r.get().equals(region)) {
                return Uni.createFrom().failure(new ApiException(421, "WRONG_REGION",
                        "Customer " + customer + " is homed in region " + r.get() + ", not in region " + region + "."));
            }
            // The registry homes it here although our list did not: the list was behind; take the registry's word.
            Snapshot s = snapshot;
            if (s != null) {
                Set<UUID> grown = ConcurrentHashMap.newKeySet();
                grown.addAll(s.local());
                grown.add(customer);
                snapshot = new Snapshot(grown, s.loadedAt());
            }
            notLocal.remove(customer);
            return Uni.createFrom().voidItem();
        });
    }

    private static List<UUID> missing(Snapshot snap, Collection<UUID> customers) {
        List<UUID> missing = new ArrayList<>();
        for (UUID c : customers) {
            if (!snap.local().contains(c)) {
                missing.add(c);
            }
        }
        missing.sort(null);
        return missing;
    }

    private Uni<Snapshot> current() {
        Snapshot s = snapshot;
        Instant now = clock.get();
        if (s != null && Duration.between(s.loadedAt(), now).compareTo(ttl) < 0) {
            return Uni.createFrom().item(s);
        }
        return reload().onFailure().recoverWithUni(e -> {
            Snapshot stale = snapshot;
            if (stale != null && Duration.between(stale.loadedAt(), clock.get()).compareTo(maxStale) < 0) {
                Log.warnf("Customer registry unavailable (%s); using the list loaded at %s", e.getClass().getSimpleName(),
                        stale.loadedAt());
                return Uni.createFrom().item(stale);
            }
            return Uni.createFrom().failure(unavailable());
        });
    }

    /** Loads the list once for all concurrent callers. */
    private Uni<Snapshot> reload() {
        Uni<Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        lastLoadAttempt = clock.get();
        Uni<Snapshot> load = Uni.createFrom().deferred(() -> loadRegion.get())
                .map(all -> {
                    Set<UUID> local = ConcurrentHashMap.newKeySet();
                    all.forEach((id, home) -> {
                        if (region.equals(home)) {
                            local.add(id);
                        }
                    });
                    Snapshot fresh = new Snapshot(local, clock.get());
                    snapshot = fresh;
                    notLocal.keySet().removeIf(local::contains);
                    return fresh;
                })
                .onTermination().invoke(() -> inFlight.set(null))
                .memoize().indefinitely();
        if (!inFlight.compareAndSet(null, load)) {
            Uni<Snapshot> other = inFlight.get();
            return other != null ? other : load;
        }
        return load;
    }

    private static ApiException unavailable() {
        return new ApiException(503, "REGISTRY_UNAVAILABLE",
                "The customer registry is unavailable, so the home region of the customer cannot be checked. Try again later.");
    }
}
