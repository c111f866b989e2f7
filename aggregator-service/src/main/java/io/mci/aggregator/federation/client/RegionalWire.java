package io.mci.aggregator.federation.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The records the aggregator reads from and sends to the regional investigation services, exactly as
 * docs/internal-api.md writes them. Readers ignore fields they do not know, so a region may add fields
 * without breaking the aggregator.
 */
public final class RegionalWire {

    private RegionalWire() {
    }

    /** One investigation as a region returns it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Investigation(
            @JsonProperty("rrn") String rrn,
            @JsonProperty("id") String id,
            @JsonProperty("organization_id") UUID organizationId,
            @JsonProperty("title") String title,
            @JsonProperty("source") String source,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("assignee") Assignee assignee,
            @JsonProperty("created_time") Instant createdTime,
            @JsonProperty("last_accessed") Instant lastAccessed,
            @JsonProperty("first_alert_time") Instant firstAlertTime,
            @JsonProperty("latest_alert_time") Instant latestAlertTime,
            @JsonProperty("alerts_most_recent_detection_created_time") Instant detectionAlertTime,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("responsibility") String responsibility,
            @JsonProperty("version") Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Assignee(@JsonProperty("name") String name, @JsonProperty("email") String email) {
    }

    /** A keyset position: the query answers the items after it (at or after when inclusive). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record After(
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("value") String value,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("created_time") String createdTime,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("id") String id,
            @JsonProperty("inclusive") boolean inclusive) {
    }

    public record Sort(@JsonProperty("field") String field, @JsonProperty("order") String order) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record QueryRequest(
            @JsonProperty("customer_ids") List<UUID> customerIds,
            @JsonProperty("statuses") List<String> statuses,
            @JsonProperty("priorities") List<String> priorities,
            @JsonProperty("sources") List<String> sources,
            @JsonProperty("dispositions") List<String> dispositions,
            @JsonProperty("assignee_email") String assigneeEmail,
            @JsonProperty("assignee_ids") List<String> assigneeIds,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("created_from") Instant createdFrom,
            @JsonProperty("created_to") Instant createdTo,
            @JsonProperty("title_contains") String titleContains,
            @JsonProperty("rrns") List<String> rrns,
            @JsonProperty("alert_rule_rrns") List<String> alertRuleRrns,
            @JsonProperty("alert_mitre_t_codes") List<String> alertMitreTCodes,
            @JsonProperty("actor_asset_hostname_contains") String actorAssetHostnameContains,
            @JsonProperty("actor_user_name_contains") String actorUserNameContains,
            @JsonProperty("sort") Sort sort,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("after") After after,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("offset") Integer offset,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("limit") Integer limit,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("include_total") Boolean includeTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryResponse(
            @JsonProperty("items") List<Investigation> items,
            @JsonProperty("next_after") After nextAfter,
            @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("total") Long total) {
        public QueryResponse {
            items = items == null ? List.of() : items;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CountsRequest(
            @JsonProperty("customer_ids") List<UUID> customerIds,
            @JsonProperty("created_from") Instant createdFrom,
            @JsonProperty("created_to") Instant createdTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CountsResponse(@JsonProperty("counts") List<Count> counts) {
        public CountsResponse {
            counts = counts == null ? List.of() : counts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(
            @JsonProperty("customer_id") UUID customerId,
            @JsonProperty("priority") String priority,
            @JsonProperty("status") String status,
            @JsonProperty("count") long count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateRequest(
            @JsonProperty("organization_id") UUID organizationId,
            @JsonProperty("title") String title,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("source") String source,
            @JsonProperty("assignee") PatchAssignee assignee) {
    }

    /** A PATCH: null fields are left out (unchanged); an assignee with a null email unassigns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatchRequest(
            @JsonProperty("title") String title,
            @JsonProperty("status") String status,
            @JsonProperty("priority") String priority,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("assignee") PatchAssignee assignee) {
    }

    /**
     * An assignee in PATCH and create: the email (null unassigns on PATCH), the display name and the analyst id
     * that {@code assignee_ids} matches (an addition of the regional service, see docs/internal-api.md).
     */
    public record PatchAssignee(
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("email") String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("name") String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("id") String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkCloseRequest(
            @JsonProperty("customer_ids") List<UUID> customerIds,
            @JsonProperty("source") String source,
            @JsonProperty("from") Instant from,
            @JsonProperty("to") Instant to,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("detection_rule_rrn") String detectionRuleRrn,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("max_investigations_to_close") Integer maxInvestigationsToClose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BulkCloseResponse(
            @JsonProperty("ids") List<String> ids,
            @JsonProperty("rrns") List<String> rrns,
            @JsonProperty("num_closed") int numClosed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertPage(@JsonProperty("items") List<Alert> items, @JsonProperty("total") long total) {
        public AlertPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Alert(
            @JsonProperty("rrn") String rrn,
            @JsonProperty("id") String id,
            @JsonProperty("title") String title,
            @JsonProperty("alert_type") String alertType,
            @JsonProperty("alert_type_description") String alertTypeDescription,
            @JsonProperty("created_time") Instant createdTime,
            @JsonProperty("first_event_time") Instant firstEventTime,
            @JsonProperty("latest_event_time") Instant latestEventTime,
            @JsonProperty("alert_source") String alertSource,
            @JsonProperty("detection_rule_rrn") DetectionRule detectionRuleRrn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DetectionRule(@JsonProperty("rule_name") String ruleName, @JsonProperty("rule_rrn") String ruleRrn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentPage(@JsonProperty("items") List<Comment> items, @JsonProperty("total") long total) {
        public CommentPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Comment(
            @JsonProperty("rrn") String rrn,
            @JsonProperty("target") String target,
            @JsonProperty("creator") Creator creator,
            @JsonProperty("body") String body,
            @JsonProperty("visibility") String visibility,
            @JsonProperty("created_time") Instant createdTime,
            @JsonProperty("attachments") List<Object> attachments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Creator(@JsonProperty("type") String type, @JsonProperty("name") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateCommentRequest(
            @JsonProperty("target") String target,
            @JsonProperty("body") String body,
            @JsonProperty("attachments") List<String> attachments,
            @JsonProperty("visibility") String visibility) {
    }
}
