package io.mci.aggregator.investigation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.federation.client.RegionalWire;

/**
 * The public investigation: every v2 field, plus {@code customer} (so scripts need no id-to-name map) and
 * {@code version} (the regional version, also sent as ETag on single reads). Internal-only fields of the
 * regional item (the detection-alert time used for sorting) are left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "rrn", "id", "organization_id", "title", "source", "status", "priority", "disposition", "assignee",
        "created_time", "last_accessed", "first_alert_time", "latest_alert_time", "tags", "responsibility", "customer",
        "version" })
public record PublicInvestigation(
        @JsonProperty("rrn") String rrn,
        @JsonProperty("id") String id,
        @JsonProperty("organization_id") UUID organizationId,
        @JsonProperty("title") String title,
        @JsonProperty("source") String source,
        @JsonProperty("status") String status,
        @JsonProperty("priority") String priority,
        @JsonProperty("disposition") String disposition,
        @JsonProperty("assignee") RegionalWire.Assignee assignee,
        @JsonProperty("created_time") Instant createdTime,
        @JsonProperty("last_accessed") Instant lastAccessed,
        @JsonProperty("first_alert_time") Instant firstAlertTime,
        @JsonProperty("latest_alert_time") Instant latestAlertTime,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("responsibility") String responsibility,
        @JsonProperty("customer") Customer customer,
        @JsonProperty("version") Long version) {

    /** The customer (organization) that owns the investigation. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Customer(@JsonProperty("id") UUID id, @JsonProperty("name") String name,
            @JsonProperty("region") String region) {

        public static Customer of(Decision.Entitled c) {
            return new Customer(c.id(), c.name(), c.region());
        }
    }

    public static PublicInvestigation of(RegionalWire.Investigation i, Customer customer) {
        return new PublicInvestigation(i.rrn(), i.id(), i.organizationId(), i.title(), i.source(), i.status(),
                i.priority(), i.disposition(), i.assignee(), i.createdTime(), i.lastAccessed(), i.firstAlertTime(),
                i.latestAlertTime(), i.tags(), i.responsibility(), customer, i.version());
    }
}
