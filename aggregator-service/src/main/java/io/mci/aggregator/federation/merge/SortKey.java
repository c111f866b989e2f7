package io.mci.aggregator.federation.merge;

import java.time.Instant;

/**
 * Where an item stands in the global order {@code key, id, region}. Only the parts that the sort field
 * uses are set: priority uses {@code rank} then {@code time} (= created_time); created_time and the two
 * alert times use {@code time} (null = smallest); rrn uses {@code text}. Unused parts are 0 / null
 * for every item, so they never decide.
 */
public record SortKey(int rank, Instant time, String text, String id, String region) {
}
