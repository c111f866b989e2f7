package io.mci.entitlement.decision.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.customer.model.AssociationState;

/** Everything the decision needs, as read by the one decision query. */
public record DecisionFacts(Analyst analyst, Partner partner, List<Customer> customers) {

    public record Analyst(UUID id, String subject, String email, String name, UUID partnerId,
            boolean multiCustomerEnabled) {
    }

    public record Partner(UUID id, String name, String licenseProduct, LicenseStatus licenseStatus,
            Instant licenseExpiresAt, boolean partnerStatusEnabled) {
    }

    /**
     * One customer of the partner with the analyst's grant on it.
     *
     * @param associationState null for the primary customer
     * @param hasGrant         an access grant exists (with or without a role)
     * @param role             the grant's role; null without grant or for a grant without a role
     */
    public record Customer(UUID id, String name, String region, LicenseStatus licenseStatus, Instant licenseExpiresAt,
            AssociationState associationState, boolean primary, boolean hasGrant, AccessRole role) {
    }
}
