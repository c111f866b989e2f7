package io.mci.regional.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.mci.contract.error.ApiException;
import io.mci.regional.region.service.HomeRegionCache;
import io.smallrye.mutiny.Uni;

/** The timing rules of the home-region cache, with a fake clock and a fake registry. */
class HomeRegionCacheTest {

    final UUID local = UUID.randomUUID();
    final UUID foreign = UUID.randomUUID();
    final UUID unknown = UUID.randomUUID();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final AtomicInteger listLoads = new AtomicInteger();
    final AtomicInteger lookUps = new AtomicInteger();
    final Map<UUID, String> registry = new HashMap<>();
    volatile boolean down;

    HomeRegionCache cache() {
        registry.put(local, "us");
        registry.put(foreign, "eu");
        return new HomeRegionCache("us",
                () -> {
                    listLoads.incrementAndGet();
                    if (down) {
                        return Uni.createFrom().failure(new RuntimeException("registry down"));
                    }
                    Map<UUID, String> ours = new HashMap<>();
                    registry.forEach((id, r) -> {
                        if (r.equals("us")) {
                            ours.put(id, r);
                        }
                    });
                    return Uni.createFrom().item(ours);
                },
                id -> {
                    lookUps.incrementAndGet();
                    return down ? Uni.createFrom().failure(new RuntimeException("registry down"))
                            : Uni.createFrom().item(Optional.ofNullable(registry.get(id)));
                },
                now::get, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    static ApiException refusal(HomeRegionCache cache, UUID id) {
        return assertThrows(ApiException.class, () -> cache.requireLocal(List.of(id)).await().indefinitely());
    }

    @Test
    void servesLocalCustomersFromOneLoadWithinTheTtl() {
        HomeRegionCache cache = cache();
        cache.requireLocal(List.of(local)).await().indefinitely();
        now.set(now.get().plusSeconds(29));
        cache.requireLocal(List.of(local)).await().indefinitely();
        assertEquals(1, listLoads.get());
        now.set(now.get().plusSeconds(2));
        cache.requireLocal(List.of(local)).await().indefinitely();
        assertEquals(2, listLoads.get());
    }

    @Test
    void refusesForeignWith421AndUnknownWith404() {
        HomeRegionCache cache = cache();
        ApiException wrong = refusal(cache, foreign);
        assertEquals(421, wrong.status());
        assertEquals("WRONG_REGION", wrong.code());
        ApiException unknownCustomer = refusal(cache, unknown);
        assertEquals(404, unknownCustomer.status());
        assertEquals("UNKNOWN_CUSTOMER", unknownCustomer.code());
    }

    @Test
    void aMissReloadsTheListAtMostOncePerInterval() {
        HomeRegionCache cache = cache();
        cache.requireLocal(List.of(local)).await().indefinitely();
        assertEquals(1, listLoads.get());
        refusal(cache, unknown);
        refusal(cache, UUID.randomUUID());
        refusal(cache, UUID.randomUUID());
        assertEquals(1, listLoads.get(), "misses within the interval must not reload");
        now.set(now.get().plusSeconds(6));
        UUID newcomer = UUID.randomUUID();
        registry.put(newcomer, "us");
        cache.requireLocal(List.of(newcomer)).await().indefinitely();
        assertEquals(2, listLoads.get(), "a miss after the interval reloads once and finds the new customer");
    }

    @Test
    void aCustomerJustHomedHereIsConfirmedByTheRegistryNotAssumed() {
        HomeRegionCache cache = cache();
        cache.requireLocal(List.of(local)).await().indefinitely();
        UUID newcomer = UUID.randomUUID();
        registry.put(newcomer, "us");
        cache.requireLocal(List.of(newcomer)).await().indefinitely();
        assertEquals(1, lookUps.get());
    }

    @Test
    void registryDownWithNothingCachedIs503() {
        down = true;
        ApiException e = refusal(cache(), local);
        assertEquals(503, e.status());
    }

    @Test
    void registryDownUsesARecentListThenRefusesWhenTooOld() {
        HomeRegionCache cache = cache();
        cache.requireLocal(List.of(local)).await().indefinitely();
        down = true;
        now.set(now.get().plusSeconds(120));
        cache.requireLocal(List.of(local)).await().indefinitely();
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertEquals(503, refusal(cache, local).status());
        ApiException unknownWhileDown = refusal(cache, unknown);
        assertEquals(503, unknownWhileDown.status(), "an unknown customer is never assumed local");
    }
}
