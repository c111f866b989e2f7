package io.mci.entitlement.decision.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.decision.model.Decision;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.mci.entitlement.decision.model.ExclusionReason;
import io.mci.entitlement.partner.model.Partner;

/**
 * The licensing and access rules, as pure functions of the facts (see docs/entitlement.md):
 * <ol>
 * <li>{@code PARTNER_LICENSE_INACTIVE}: the partner's licence is not an ACTIVE, unexpired InsightIDR licence;</li>
 * <li>{@code PARTNER_STATUS_DISABLED}: partner status off (not for the primary customer);</li>
 * <li>{@code CUSTOMER_NOT_ASSOCIATED}: association never requested or revoked (not for the primary);</li>
 * <li>{@code ASSOCIATION_PENDING_APPROVAL}: requested, not approved (not for the primary);</li>
 * <li>{@code CUSTOMER_LICENSE_INVALID}: customer licence not ACTIVE or expired (not for the primary);</li>
 * <li>{@code NO_ACCESS_GRANT}; {@code NO_ROLE_IN_CUSTOMER}: a grant without a role;</li>
 * <li>{@code MULTI_CUSTOMER_DISABLED_BY_PREFERENCE}: preference OFF (every customer but the primary).</li>
 * </ol>
 */
public final class DecisionRules {

    private record SortKey(boolean notPrimary, String name, String id, DecisionFacts.Customer customer) {
    }

    private static final Comparator<SortKey> BY_KEY = Comparator.comparing(SortKey::notPrimary)
            .thenComparing(SortKey::name).thenComparing(SortKey::id);

    /**
     * The order customers are listed in: the primary pinned first, then by name (case-insensitive),
     * then by id. Keys are computed once per customer, not once per comparison.
     */
    public static List<DecisionFacts.Customer> sorted(List<DecisionFacts.Customer> customers) {
        List<SortKey> keys = new ArrayList<>(customers.size());
        for (DecisionFacts.Customer c : customers) {
            keys.add(new SortKey(!c.primary(), c.name().toLowerCase(Locale.ROOT), c.id().toString(), c));
        }
        keys.sort(BY_KEY);
        List<DecisionFacts.Customer> result = new ArrayList<>(keys.size());
        keys.forEach(k -> result.add(k.customer()));
        return result;
    }

    private DecisionRules() {
    }

    public static boolean partnerLicenseActive(String product, LicenseStatus status, Instant expiresAt, Instant now) {
        return Partner.DEFAULT_PRODUCT.equalsIgnoreCase(product) && LicenseStatus.isValid(status, expiresAt, now);
    }

    public static boolean partnerLicenseActive(DecisionFacts.Partner partner, Instant now) {
        return partnerLicenseActive(partner.licenseProduct(), partner.licenseStatus(), partner.licenseExpiresAt(), now);
    }

    /**
     * The reasons that concern the customer itself, whoever the analyst is: partner licence, partner
     * status, association, customer licence. Empty when the customer can be managed at all.
     */
    public static List<ExclusionReason> customerReasons(DecisionFacts.Partner partner, DecisionFacts.Customer customer,
            Instant now) {
        List<ExclusionReason> reasons = new ArrayList<>(3);
        if (!partnerLicenseActive(partner, now)) {
            reasons.add(ExclusionReason.PARTNER_LICENSE_INACTIVE);
        }
        if (customer.primary()) {
            return reasons;
        }
        if (!partner.partnerStatusEnabled()) {
            reasons.add(ExclusionReason.PARTNER_STATUS_DISABLED);
        }
        AssociationState association = customer.associationState();
        if (association == null || association == AssociationState.NONE || association == AssociationState.REVOKED) {
            reasons.add(ExclusionReason.CUSTOMER_NOT_ASSOCIATED);
        } else if (association == AssociationState.REQUESTED) {
            reasons.add(ExclusionReason.ASSOCIATION_PENDING_APPROVAL);
        }
        if (!LicenseStatus.isValid(customer.licenseStatus(), customer.licenseExpiresAt(), now)) {
            reasons.add(ExclusionReason.CUSTOMER_LICENSE_INVALID);
        }
        return reasons;
    }

    /** Every reason that applies to this analyst and customer, in precedence order; empty when entitled. */
    public static List<ExclusionReason> reasons(DecisionFacts.Partner partner, boolean preferenceEnabled,
            DecisionFacts.Customer customer, Instant now) {
        List<ExclusionReason> reasons = customerReasons(partner, customer, now);
        if (!customer.hasGrant()) {
            reasons.add(ExclusionReason.NO_ACCESS_GRANT);
        } else if (customer.role() == null) {
            reasons.add(ExclusionReason.NO_ROLE_IN_CUSTOMER);
        }
        if (!customer.primary() && !preferenceEnabled) {
            reasons.add(ExclusionReason.MULTI_CUSTOMER_DISABLED_BY_PREFERENCE);
        }
        return reasons;
    }

    /** Whether the multi-customer experience is on, and if not, the first failing condition. */
    public static Decision.MultiCustomer multiCustomer(DecisionFacts.Partner partner, boolean preferenceEnabled,
            Instant now) {
        ExclusionReason denied = null;
        if (!partnerLicenseActive(partner, now)) {
            denied = ExclusionReason.PARTNER_LICENSE_INACTIVE;
        } else if (!partner.partnerStatusEnabled()) {
            denied = ExclusionReason.PARTNER_STATUS_DISABLED;
        } else if (!preferenceEnabled) {
            denied = ExclusionReason.MULTI_CUSTOMER_DISABLED_BY_PREFERENCE;
        }
        return new Decision.MultiCustomer(preferenceEnabled, denied == null, denied);
    }

    /** The whole decision from the facts of one query. */
    public static Decision decide(DecisionFacts facts, Instant now) {
        boolean preference = facts.analyst().multiCustomerEnabled();
        List<DecisionFacts.Customer> customers = sorted(facts.customers());
        List<Decision.Entitled> entitled = new ArrayList<>();
        List<Decision.Excluded> excluded = new ArrayList<>();
        DecisionFacts.Customer primary = null;
        for (DecisionFacts.Customer customer : customers) {
            if (customer.primary()) {
                primary = customer;
            }
            List<ExclusionReason> reasons = reasons(facts.partner(), preference, customer, now);
            if (reasons.isEmpty()) {
                entitled.add(new Decision.Entitled(customer, customer.role()));
            } else {
                excluded.add(new Decision.Excluded(customer, List.copyOf(reasons)));
            }
        }
        return new Decision(facts.analyst(), facts.partner(), partnerLicenseActive(facts.partner(), now),
                multiCustomer(facts.partner(), preference, now), primary, entitled, excluded);
    }
}
