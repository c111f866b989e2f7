package io.mci.aggregator.bulk;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mci.aggregator.investigation.api.PublicInvestigation;

/** Request and answer of {@code POST /mci/v1/bulk-actions}. */
public final class BulkBodies {

    private BulkBodies() {
    }

    /**
     * Up to 1,000 investigation RRNs and the change to apply to each: any of status (with disposition when
     * closing), priority, disposition, assignee ({@code {"email": null}} unassigns).
     */
    public record Request(
            @JsonProperty("rrns") List<String> rrns,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("assignee") Assignee assignee) {
    }

    public record Assignee(@JsonProperty("email") String email) {
    }

    /** The outcome of one RRN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(
            @JsonProperty("rrn") String rrn,
            @JsonProperty("outcome") Outcome outcome,
            @JsonProperty("message") String message,
            @JsonProperty("investigation") PublicInvestigation investigation) {
    }

    public record Result(
            @JsonProperty("results") List<ItemResult> results,
            @JsonProperty("summary") Map<String, Integer> summary) {
    }

    public enum Outcome {
        ok, not_found, forbidden, conflict, region_unavailable
    }
}
