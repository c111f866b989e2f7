package io.mci.aggregator.investigation.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The paged envelope of the v2 and comments v1 APIs: {@code data} and {@code metadata}. */
public record Page<T>(@JsonProperty("data") List<T> data, @JsonProperty("metadata") Metadata metadata) {

    /** {@code index, size, total_pages, total_data}, as the original. */
    public record Metadata(
            @JsonProperty("index") long index,
            @JsonProperty("size") int size,
            @JsonProperty("total_pages") long totalPages,
            @JsonProperty("total_data") long totalData) {

        public static Metadata of(long index, int size, long total) {
            return new Metadata(index, size, pages(total, size), total);
        }
    }

    public static long pages(long total, int size) {
        return size <= 0 ? 0 : (total + size - 1) / size;
    }
}
