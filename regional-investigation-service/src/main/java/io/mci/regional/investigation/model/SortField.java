package io.mci.regional.investigation.model;

import java.util.Arrays;
import java.util.List;

import io.mci.contract.error.ApiException;

/**
 * The v2 sort fields and the total order each one means (docs/internal-api.md, "Sort keys and keyset
 * positions"): the stored columns of the key, in order. Every part follows the requested direction.
 */
public enum SortField {
    PRIORITY("priority", "priority", "created_time", "id"),
    CREATED_TIME("created_time", "created_time", "id"),
    RRN("rrn", "rrn"),
    ALERTS_MOST_RECENT_CREATED_TIME("alerts_most_recent_created_time", "latest_alert_sort", "id"),
    ALERTS_MOST_RECENT_DETECTION_CREATED_TIME("alerts_most_recent_detection_created_time", "detection_alert_sort", "id");

    private final String wire;
    private final List<String> columns;

    SortField(String wire, String... columns) {
        this.wire = wire;
        this.columns = List.of(columns);
    }

    public String wire() {
        return wire;
    }

    /** The stored columns of the key, most significant first (the last one is unique). */
    public List<String> columns() {
        return columns;
    }

    /** True for the two alert-time keys, whose value may be null (null sorts smallest). */
    public boolean nullableValue() {
        return this == ALERTS_MOST_RECENT_CREATED_TIME || this == ALERTS_MOST_RECENT_DETECTION_CREATED_TIME;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(SortField::wire).toList();
    }

    public static SortField parse(String text) {
        if (text != null) {
            for (SortField f : values()) {
                if (f.wire.equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
        }
        throw ApiException.badRequest("Invalid sort field '" + text + "'. Accepted values: "
                + String.join(", ", wireNames()) + ".", wireNames());
    }
}
