package io.mci.aggregator.entitlement.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The smaller records the aggregator reads from (and sends to) the entitlement service. */
public final class EntitlementWire {

    private EntitlementWire() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preferences(@JsonProperty("multi_customer_enabled") Boolean multiCustomerEnabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssignableUsers(@JsonProperty("users") List<AssignableUser> users) {
        public AssignableUsers {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssignableUser(
            @JsonProperty("id") String id,
            @JsonProperty("email") String email,
            @JsonProperty("name") String name,
            @JsonProperty("role") String role) {
    }

    public record VerifyKeyRequest(@JsonProperty("key") String key) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VerifiedKey(
            @JsonProperty("key_id") String keyId,
            @JsonProperty("analyst") Decision.Analyst analyst) {
    }

    /** The Customer Table, passed through as the entitlement service builds it (primary first). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerTable(
            @JsonProperty("primary") CustomerTableEntry primary,
            @JsonProperty("customers") List<CustomerTableEntry> customers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerTableEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("region") String region,
            @JsonProperty("license_status") String licenseStatus,
            @JsonProperty("license_expires_at") String licenseExpiresAt,
            @JsonProperty("association_state") String associationState) {
    }
}
