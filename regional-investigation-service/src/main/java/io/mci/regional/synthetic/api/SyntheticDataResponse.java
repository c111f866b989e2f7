package io.mci.regional.synthetic.api;

import java.time.Instant;

/** What one generator call inserted (rows that already existed are skipped, so a repeated call inserts nothing). */
public record SyntheticDataResponse(long seed, Instant anchor, long investigationsInserted, long alertsInserted,
        long commentsInserted, long millis) {
}
