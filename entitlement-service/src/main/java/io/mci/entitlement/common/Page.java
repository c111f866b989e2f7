package io.mci.entitlement.common;

import java.util.List;

/**
 * The paged envelope of the InsightIDR API: {@code {"data": [...], "metadata": {"index", "size",
 * "total_pages", "total_data"}}}, {@code index} 0-based.
 */
public record Page<T>(List<T> data, Metadata metadata) {

    public record Metadata(int index, int size, long totalPages, long totalData) {
    }

    public static <T> Page<T> of(List<T> data, int index, int size, long total) {
        long pages = total == 0 ? 0 : (total + size - 1) / size;
        return new Page<>(data, new Metadata(index, size, pages, total));
    }
}
