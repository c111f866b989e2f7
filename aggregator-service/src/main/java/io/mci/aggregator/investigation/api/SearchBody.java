package io.mci.aggregator.investigation.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /idr/v2/investigations/_search} (DatedSearchRequest of the v2 OpenAPI). Unknown
 * fields are refused with 400 naming the accepted ones.
 */
public record SearchBody(
        @JsonProperty("search") List<Criterion> search,
        @JsonProperty("sort") List<SortCriterion> sort,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime) {

    /** {@code {"field", "operator", "value"}}; operators EQUALS, CONTAINS, IN (case-insensitive). */
    public record Criterion(
            @JsonProperty("field") String field,
            @JsonProperty("operator") String operator,
            @JsonProperty("value") JsonNode value) {
    }

    public record SortCriterion(@JsonProperty("field") String field, @JsonProperty("order") String order) {
    }
}
