package io.mci.aggregator.customer;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.federation.client.RegionReport;

/** The records of /mci/v1 that the aggregator composes itself. */
public final class CustomerViews {

    private CustomerViews() {
    }

    /** GET /mci/v1/me. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Me(
            @JsonProperty("analyst") Decision.Analyst analyst,
            @JsonProperty("partner") Decision.Partner partner,
            @JsonProperty("multi_customer") Decision.MultiCustomer multiCustomer,
            @JsonProperty("primary_customer") Decision.CustomerRef primaryCustomer,
            @JsonProperty("authenticated_by") String authenticatedBy) {
    }

    /** The Customers view: who needs attention first, and who is excluded and why. */
    public record Customers(
            @JsonProperty("customers") List<CustomerRow> customers,
            @JsonProperty("excluded") List<Decision.Excluded> excluded,
            @JsonProperty("metadata") Metadata metadata) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerRow(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("region") String region,
            @JsonProperty("role") String role,
            @JsonProperty("primary") boolean primary,
            @JsonProperty("can_write") boolean canWrite,
            @JsonProperty("open_investigations") OpenCounts openInvestigations,
            @JsonProperty("counts_available") boolean countsAvailable) {
    }

    /** Open (status other than CLOSED) investigations per priority. */
    public record OpenCounts(
            @JsonProperty("critical") long critical,
            @JsonProperty("high") long high,
            @JsonProperty("medium") long medium,
            @JsonProperty("low") long low,
            @JsonProperty("unspecified") long unspecified,
            @JsonProperty("total") long total) {
    }

    public record Metadata(@JsonProperty("partial") boolean partial, @JsonProperty("regions") List<RegionReport> regions) {
    }

    /** The single-customer context: where the customer lives and what the analyst may do there. */
    public record Context(
            @JsonProperty("customer") io.mci.aggregator.investigation.api.PublicInvestigation.Customer customer,
            @JsonProperty("role") String role,
            @JsonProperty("primary") boolean primary,
            @JsonProperty("can_write") boolean canWrite,
            @JsonProperty("allowed_actions") List<String> allowedActions,
            @JsonProperty("multi_customer_allowed") boolean multiCustomerAllowed) {
    }

    public record Preference(@JsonProperty("multi_customer_enabled") Boolean multiCustomerEnabled) {
    }
}
