package io.mci.aggregator.entitlement.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an analyst may see and do, as the entitlement service decides it
 * ({@code GET /entitlement/v1/internal/analysts/{subject}/decision}). Read, never stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(
        @JsonProperty("analyst") Analyst analyst,
        @JsonProperty("partner") Partner partner,
        @JsonProperty("multi_customer") MultiCustomer multiCustomer,
        @JsonProperty("primary_customer") CustomerRef primaryCustomer,
        @JsonProperty("entitled") List<Entitled> entitled,
        @JsonProperty("excluded") List<Excluded> excluded) {

    public Decision {
        entitled = entitled == null ? List.of() : List.copyOf(entitled);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** The entitled customer with this id, if the analyst is entitled to it. */
    public Optional<Entitled> entitledCustomer(UUID id) {
        return entitled.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The excluded customer with this id, if it is one of the partner's customers the analyst may not see. */
    public Optional<Excluded> excludedCustomer(UUID id) {
        return excluded.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean multiCustomerAllowed() {
        return multiCustomer != null && multiCustomer.allowed();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Analyst(
            @JsonProperty("id") String id,
            @JsonProperty("subject") String subject,
            @JsonProperty("email") String email,
            @JsonProperty("name") String name,
            @JsonProperty("partner_id") String partnerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("license") License license,
            @JsonProperty("license_active") boolean licenseActive,
            @JsonProperty("partner_status_enabled") boolean partnerStatusEnabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record License(
            @JsonProperty("product") String product,
            @JsonProperty("status") String status,
            @JsonProperty("expires_at") String expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MultiCustomer(
            @JsonProperty("preference_enabled") boolean preferenceEnabled,
            @JsonProperty("allowed") boolean allowed,
            @JsonProperty("denied_reason") String deniedReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerRef(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("region") String region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entitled(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("region") String region,
            @JsonProperty("role") String role,
            @JsonProperty("primary") boolean primary,
            @JsonProperty("can_write") boolean canWrite) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Excluded(
            @JsonProperty("id") UUID id,
            @JsonProperty("name") String name,
            @JsonProperty("region") String region,
            @JsonProperty("reason") String reason,
            @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("detail") String detail) {
    }
}
