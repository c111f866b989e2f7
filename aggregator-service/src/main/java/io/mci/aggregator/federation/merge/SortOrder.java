package io.mci.aggregator.federation.merge;

import java.util.Comparator;
import java.util.Locale;

import io.mci.contract.error.ApiException;

/**
 * A sort field and direction, and the global total order it means: the regional order (docs/internal-api.md,
 * every part of the key in the requested direction, ids bytewise) extended by the region id, also in the
 * requested direction. So the DESC order is exactly the reverse of the ASC order.
 */
public record SortOrder(SortField field, boolean descending) {

    public static final SortOrder DEFAULT = new SortOrder(SortField.PRIORITY, true);

    private static final Comparator<SortKey> ASCENDING = Comparator
            .comparingInt(SortKey::rank)
            .thenComparing(SortKey::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SortKey::text, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SortKey::id, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SortKey::region, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Parses the list's {@code sort=field,DIRECTION}; the direction defaults to DESC. */
    public static SortOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.split(",");
        if (parts.length > 2) {
            throw ApiException.badRequest("Invalid sort '" + text + "'. Expected field,ASC or field,DESC.");
        }
        return of(parts[0], parts.length == 2 ? parts[1] : null);
    }

    /** A field and an order ({@code ASC}/{@code DESC}, case-insensitive; null means DESC). */
    public static SortOrder of(String field, String order) {
        SortField f = SortField.parse(field);
        if (order == null || order.isBlank()) {
            return new SortOrder(f, true);
        }
        return switch (order.trim().toUpperCase(Locale.ROOT)) {
            case "ASC" -> new SortOrder(f, false);
            case "DESC" -> new SortOrder(f, true);
            default -> throw ApiException.badRequest("Invalid sort order '" + order + "'. Accepted values: ASC, DESC.",
                    java.util.List.of("ASC", "DESC"));
        };
    }

    public String direction() {
        return descending ? "DESC" : "ASC";
    }

    /** The global order of keys: negative when {@code a} comes first. */
    public Comparator<SortKey> comparator() {
        return descending ? ASCENDING.reversed() : ASCENDING;
    }

    /**
     * Whether items of {@code region} that tie with a position of {@code positionRegion} on key and id come
     * after that position: then a region's query after the position must be inclusive.
     */
    public boolean regionComesAfter(String region, String positionRegion) {
        int c = region.compareTo(positionRegion);
        return descending ? c < 0 : c > 0;
    }
}
