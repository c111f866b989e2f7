package io.mci.regional.investigation.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.regional.config.RegionalConfig;
import io.smallrye.mutiny.Uni;

/**
 * Optimistic concurrency of every investigation write (docs/internal-api.md, "Conditional writes"): with
 * {@code If-Match} a version that is no longer current is 412 and nothing changes; without it the whole
 * transaction is retried on a conflict, so two concurrent writes are both applied and both audited.
 * Write transactions read the row {@code FOR UPDATE}, so concurrent writers of one investigation queue on its
 * row lock and a conflict is rare; the conditional UPDATE ({@code WHERE version = read version}) stays as the
 * guarantee, and the retry as its remedy.
 */
@ApplicationScoped
public class ConditionalWrites {

    private final int maxAttempts;
    private final AtomicLong committed = new AtomicLong();

    public ConditionalWrites(RegionalConfig config) {
        this.maxAttempts = Math.max(1, config.write().maxAttempts());
    }

    /** Runs {@code transaction} (which throws {@link VersionConflict} on a lost race) under those rules. */
    public <T> Uni<T> run(Long ifMatch, Supplier<Uni<T>> transaction) {
        return committed(attempt(ifMatch, transaction, 1));
    }

    /**
     * Counts a write once its transaction has committed. Cached totals ({@link TotalCache}) are reused only while
     * this count has not moved, so a list right after a write counts again: items and totals agree.
     */
    public <T> Uni<T> committed(Uni<T> transaction) {
        return transaction.invoke(() -> committed.incrementAndGet());
    }

    /** How many writes of this region have committed since the service started. */
    public long committedWrites() {
        return committed.get();
    }

    private <T> Uni<T> attempt(Long ifMatch, Supplier<Uni<T>> transaction, int n) {
        return Uni.createFrom().<T>deferred(() -> transaction.get()).onFailure(VersionConflict.class).recoverWithUni(e -> {
            if (ifMatch != null) {
                return Uni.createFrom().failure(stale(ifMatch));
            }
            if (n >= maxAttempts) {
                return Uni.createFrom().failure(new ApiException(409, "CONCURRENT_UPDATE",
                        "The investigation is being changed by others right now; nothing was changed. Try again."));
            }
            return attempt(ifMatch, transaction, n + 1);
        });
    }

    /** The 412 for a version that is no longer current. */
    public static ApiException stale(long named) {
        return ApiException.preconditionFailed("Version " + named
                + " of the investigation is no longer current; nothing was changed. Read it again and retry.");
    }

    /** Throws the 412 when the row read is not at the version the caller named. */
    public static void check(Long ifMatch, long current) {
        if (ifMatch != null && ifMatch != current) {
            throw stale(ifMatch);
        }
    }

    /** The failure a transaction raises when its conditional UPDATE touched no row. */
    public static <T> Uni<T> conflict() {
        return Uni.createFrom().failure(new VersionConflict());
    }
}
