package io.mci.aggregator.investigation.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Request bodies of the v2 writes, field for field as the v2 OpenAPI names them. Any other field is refused
 * with 400 naming the accepted ones. Enum values are strings here and parsed case-insensitively.
 */
public final class WriteBodies {

    private WriteBodies() {
    }

    /** {@code assignee: {"email": ...}}; on PATCH an email of null unassigns. */
    public record Assignee(@JsonProperty("email") String email) {
    }

    public record Create(
            @JsonProperty("title") String title,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("assignee") Assignee assignee) {
    }

    /**
     * PATCH: null or omitted = unchanged. The Threat Command fields of the original are accepted only empty:
     * MCI has no Threat Command integration.
     */
    public record Update(
            @JsonProperty("title") String title,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("assignee") Assignee assignee,
            @JsonProperty("threat_command_close_reason") String threatCommandCloseReason,
            @JsonProperty("threat_command_free_text") String threatCommandFreeText) {
    }

    /** Body of PUT status: the disposition is used when the new status is CLOSED. */
    public record Status(
            @JsonProperty("disposition") String disposition,
            @JsonProperty("threat_command_close_reason") String threatCommandCloseReason,
            @JsonProperty("threat_command_free_text") String threatCommandFreeText) {
    }

    public record AssignUser(@JsonProperty("user_email_address") String userEmailAddress) {
    }

    public record BulkClose(
            @JsonProperty("source") String source,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("detection_rule_rrn") String detectionRuleRrn,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("max_investigations_to_close") Integer maxInvestigationsToClose) {
    }

    /** Answer of bulk_close: the original's {@code ids} and {@code num_closed}, plus the RRNs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closed(
            @JsonProperty("ids") java.util.List<String> ids,
            @JsonProperty("num_closed") int numClosed,
            @JsonProperty("rrns") java.util.List<String> rrns) {
    }
}
