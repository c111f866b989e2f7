package io.mci.aggregator.entitlement.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an analyst may see and do, as the entitlement service decides it
 * ({@code GET /entitlement/v1/internal/analysts/{subject}/decision}). Held in memory only, with its ETag, until the
 * entitlement service says it changed. Customers are also indexed by id: a decision may name 10,000 of them and
 * every listed item, bulk-action RRN and single-investigation call looks its customer up.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Decision {

    private final Analyst analyst;
    private final Partner partner;
    private final MultiCustomer multiCustomer;
    private final CustomerRef primaryCustomer;
    private final List<Entitled> entitled;
    private final List<Excluded> excluded;
    private final Map<UUID, Entitled> entitledById;
    private final Map<UUID, Excluded> excludedById;

    @JsonCreator
    public Decision(
            @JsonProperty("analyst") Analyst analyst,
            @JsonProperty("partner") Partner partner,
            @JsonProperty("multi_customer") MultiCustomer multiCustomer,
            @JsonProperty("primary_customer") CustomerRef primaryCustomer,
            @JsonProperty("entitled") List<Entitled> entitled,
            @JsonProperty("excluded") List<Excluded> excluded) {
        this.analyst = analyst;
        this.partner = partner;
        this.multiCustomer = multiCustomer;
        this.primaryCustomer = primaryCustomer;
        this.entitled = entitled == null ? List.of() : List.copyOf(entitled);
        this.excluded = excluded == null ? List.of() : List.copyOf(excluded);
        this.entitledById = index(this.entitled, Entitled::id);
        this.excludedById = index(this.excluded, Excluded::id);
    }

    private static <T> Map<UUID, T> index(List<T> customers, Function<T, UUID> id) {
        Map<UUID, T> byId = new HashMap<>(customers.size() * 2);
        for (T c : customers) {
            byId.putIfAbsent(id.apply(c), c);
        }
        return byId;
    }

    public Analyst analyst() {
        return analyst;
    }

    public Partner partner() {
        return partner;
    }

    public MultiCustomer multiCustomer() {
        return multiCustomer;
    }

    public CustomerRef primaryCustomer() {
        return primaryCustomer;
    }

    public List<Entitled> entitled() {
        return entitled;
    }

    public List<Excluded> excluded() {
        return excluded;
    }

    /** The entitled customer with this id, if the analyst is entitled to it. */
    public Optional<Entitled> entitledCustomer(UUID id) {
        return Optional.ofNullable(id == null ? null : entitledById.get(id));
    }

    /** The excluded customer with this id, if it is one of the partner's customers the analyst may not see. */
    public Optional<Excluded> excludedCustomer(UUID id) {
        return Optional.ofNullable(id == null ? null : excludedById.get(id));
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
