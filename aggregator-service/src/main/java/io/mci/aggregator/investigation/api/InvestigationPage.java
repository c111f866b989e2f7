package io.mci.aggregator.investigation.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mci.aggregator.federation.client.RegionReport;

/**
 * A page of the fanned-out list or _search: the original envelope, and in {@code metadata} also how every
 * region did, whether the answer is partial, and the keyset cursor of the next page (null at the end).
 */
public record InvestigationPage(
        @JsonProperty("data") List<PublicInvestigation> data,
        @JsonProperty("metadata") Metadata metadata) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Metadata(
            @JsonProperty("index") long index,
            @JsonProperty("size") int size,
            @JsonProperty("total_pages") long totalPages,
            @JsonProperty("total_data") long totalData,
            @JsonProperty("partial") boolean partial,
            @JsonProperty("regions") List<RegionReport> regions,
            @JsonProperty("next_cursor") String nextCursor) {
    }
}
