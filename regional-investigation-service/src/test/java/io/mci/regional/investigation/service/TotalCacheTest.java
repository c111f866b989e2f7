package io.mci.regional.investigation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.mci.contract.investigation.InvestigationStatus;
import io.mci.regional.investigation.model.InvestigationFilter;
import io.smallrye.mutiny.Uni;

/** Totals are reused for the same customers and filters only, not beyond their TTL, and not across a write. */
class TotalCacheTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static InvestigationFilter filter(List<UUID> customers, Set<InvestigationStatus> statuses) {
        return new InvestigationFilter(customers, statuses, Set.of(), Set.of(), Set.of(), null, List.of(), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void reusesATotalForTheSameCustomersInAnyOrderAndFilters() {
        TotalCache cache = new TotalCache(Duration.ofMinutes(1), 10, () -> 0);
        AtomicInteger counted = new AtomicInteger();
        Uni<Long> count = Uni.createFrom().item(() -> (long) counted.incrementAndGet());
        assertEquals(1L, cache.total(filter(List.of(A, B), Set.of()), () -> count).await().indefinitely());
        assertEquals(1L, cache.total(filter(List.of(B, A), Set.of()), () -> count).await().indefinitely());
        assertEquals(2L, cache.total(filter(List.of(A, B), EnumSet.of(InvestigationStatus.OPEN)), () -> count)
                .await().indefinitely());
        assertEquals(2, counted.get());
        assertNotEquals(TotalCache.key(filter(List.of(A), Set.of())), TotalCache.key(filter(List.of(B), Set.of())));
    }

    @Test
    void aCommittedWriteVoidsEveryTotalCountedBeforeIt() {
        java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
        TotalCache cache = new TotalCache(Duration.ofMinutes(1), 10, writes::get);
        AtomicInteger counted = new AtomicInteger();
        Uni<Long> count = Uni.createFrom().item(() -> (long) counted.incrementAndGet());
        assertEquals(1L, cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely());
        assertEquals(1L, cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely());
        writes.incrementAndGet();
        assertEquals(2L, cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely());
        assertEquals(2L, cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely());

        // A write that commits while a total is being counted: that total is not reused.
        Uni<Long> countDuringAWrite = Uni.createFrom().item(() -> {
            writes.incrementAndGet();
            return (long) counted.incrementAndGet();
        });
        assertEquals(3L, cache.total(filter(List.of(B), Set.of()), () -> countDuringAWrite).await().indefinitely());
        assertEquals(4L, cache.total(filter(List.of(B), Set.of()), () -> count).await().indefinitely());
    }

    @Test
    void zeroTtlAlwaysCounts() {
        TotalCache cache = new TotalCache(Duration.ZERO, 10, () -> 0);
        AtomicInteger counted = new AtomicInteger();
        Uni<Long> count = Uni.createFrom().item(() -> (long) counted.incrementAndGet());
        cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely();
        cache.total(filter(List.of(A), Set.of()), () -> count).await().indefinitely();
        assertEquals(2, counted.get());
    }
}
