package io.mci.entitlement.decision.model;

import java.util.List;
import java.util.UUID;

import io.mci.entitlement.access.model.AccessRole;

/** What an analyst may see and do, and why not. */
public record Decision(DecisionFacts.Analyst analyst, DecisionFacts.Partner partner, boolean partnerLicenseActive,
        MultiCustomer multiCustomer, DecisionFacts.Customer primaryCustomer, List<Entitled> entitled,
        List<Excluded> excluded) {

    /** @param deniedReason null when allowed */
    public record MultiCustomer(boolean preferenceEnabled, boolean allowed, ExclusionReason deniedReason) {
    }

    public record Entitled(DecisionFacts.Customer customer, AccessRole role) {
    }

    /** @param reasons all that apply, in precedence order; the first is the reason */
    public record Excluded(DecisionFacts.Customer customer, List<ExclusionReason> reasons) {

        public ExclusionReason reason() {
            return reasons.get(0);
        }
    }

    /** The entitled customer with this id, or null. */
    public Entitled entitledTo(UUID customerId) {
        return entitled.stream().filter(e -> e.customer().id().equals(customerId)).findFirst().orElse(null);
    }
}
