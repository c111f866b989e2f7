package io.mci.regional.investigation.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A keyset position on the wire: {@code value} is the sort key (priority name, timestamp, RRN, or null for an
 * alert-time key), plus {@code created_time} and {@code id} where the sort field's key uses them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PositionBody(JsonNode value, Instant createdTime, String id, Boolean inclusive) {
}
