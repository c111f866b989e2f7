package io.mci.aggregator.federation.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One region's part of a fanned-out request, as {@code metadata.regions[]} reports it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegionReport(
        @JsonProperty("region") String region,
        @JsonProperty("status") RegionStatus status,
        @JsonProperty("took_ms") long tookMs,
        @JsonProperty("items") int items,
        @JsonProperty("total") Long total) {
}
