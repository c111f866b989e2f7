package io.mci.regional.investigation.model;

import java.time.Instant;

import io.mci.contract.investigation.Priority;

/**
 * A keyset position in the order of one sort field: the values of the key parts that field uses (the others
 * are null). {@code timeValue} is the value of the time keys (null = smallest for the alert keys).
 */
public record Position(Priority priority, Instant timeValue, Instant createdTime, String rrn, String id,
        boolean inclusive) {

    /** The position of one item, as {@code next_after} reports it. */
    public static Position of(SortField field, Investigation i) {
        return switch (field) {
            case PRIORITY -> new Position(i.priority(), null, i.createdTime(), null, i.id(), false);
            case CREATED_TIME -> new Position(null, i.createdTime(), null, null, i.id(), false);
            case RRN -> new Position(null, null, null, i.rrn(), null, false);
            case ALERTS_MOST_RECENT_CREATED_TIME -> new Position(null, i.latestAlertTime(), null, null, i.id(), false);
            case ALERTS_MOST_RECENT_DETECTION_CREATED_TIME ->
                new Position(null, i.detectionAlertTime(), null, null, i.id(), false);
        };
    }
}
