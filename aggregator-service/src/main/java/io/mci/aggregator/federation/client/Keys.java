package io.mci.aggregator.federation.client;

import io.mci.aggregator.federation.merge.SortField;
import io.mci.aggregator.federation.merge.SortKey;
import io.mci.contract.investigation.Priority;
import io.mci.contract.time.Timestamps;

/** Between a regional item, its place in the global order ({@link SortKey}) and a regional keyset position. */
public final class Keys {

    private Keys() {
    }

    public static SortKey of(SortField field, String region, RegionalWire.Investigation item) {
        return switch (field) {
            case PRIORITY -> new SortKey(rank(item.priority()), item.createdTime(), null, item.id(), region);
            case CREATED_TIME -> new SortKey(0, item.createdTime(), null, item.id(), region);
            case RRN -> new SortKey(0, null, item.rrn(), item.id(), region);
            case ALERTS_MOST_RECENT_CREATED_TIME -> new SortKey(0, item.latestAlertTime(), null, item.id(), region);
            case ALERTS_MOST_RECENT_DETECTION_CREATED_TIME ->
                new SortKey(0, item.detectionAlertTime(), null, item.id(), region);
        };
    }

    /** The regional {@code after} for a position: only the fields that sort field uses (docs/internal-api.md). */
    public static RegionalWire.After after(SortField field, SortKey key, boolean inclusive) {
        return switch (field) {
            case PRIORITY -> new RegionalWire.After(Priority.ofRank(clampRank(key.rank())).name(),
                    Timestamps.format(key.time()), key.id(), inclusive);
            case CREATED_TIME, ALERTS_MOST_RECENT_CREATED_TIME, ALERTS_MOST_RECENT_DETECTION_CREATED_TIME ->
                new RegionalWire.After(Timestamps.format(key.time()), null, key.id(), inclusive);
            case RRN -> new RegionalWire.After(key.text(), null, null, inclusive);
        };
    }

    static int rank(String priority) {
        try {
            return Priority.valueOf(priority).rank();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int clampRank(int rank) {
        return Math.max(0, Math.min(Priority.values().length - 1, rank));
    }
}
