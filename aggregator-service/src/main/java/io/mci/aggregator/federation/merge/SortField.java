package io.mci.aggregator.federation.merge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.mci.contract.error.ApiException;

/** The v2 sort fields, each meaning the total order of docs/internal-api.md. */
public enum SortField {
    PRIORITY("priority"),
    CREATED_TIME("created_time"),
    RRN("rrn"),
    ALERTS_MOST_RECENT_CREATED_TIME("alerts_most_recent_created_time"),
    ALERTS_MOST_RECENT_DETECTION_CREATED_TIME("alerts_most_recent_detection_created_time");

    private final String wire;

    SortField(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(SortField::wire).toList();
    }

    /** Case-insensitive; an unknown field is a 400 naming the sortable ones. */
    public static SortField parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SortField f : values()) {
            if (f.wire.equals(wanted)) {
                return f;
            }
        }
        throw ApiException.badRequest("Invalid sort field '" + text + "'. Sortable fields: "
                + String.join(", ", wireNames()) + ".", wireNames());
    }
}
