package io.mci.entitlement.customer.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.customer.model.Customer;
import io.mci.entitlement.customer.service.CustomerService.CustomerState;

/** A customer as the operator sees it. */
public record CustomerView(UUID id, String name, String region, License license, boolean licenseValid,
        UUID primaryOfPartnerId, Association association, Instant createdAt) {

    /** @param status the effective status: ACTIVE past its expiry reads EXPIRED */
    public record License(LicenseStatus status, Instant expiresAt) {
    }

    public record Association(UUID partnerId, AssociationState state, Instant requestedAt, Instant approvedAt,
            String approvedBy, Instant revokedAt) {
    }

    public static CustomerView of(CustomerState state) {
        Customer c = state.customer();
        var now = Times.now();
        Association association = c.partnerId == null ? null : new Association(c.partnerId, c.associationState,
                c.associationRequestedAt, c.associationApprovedAt, c.associationApprovedBy, c.associationRevokedAt);
        return new CustomerView(c.id, c.name, c.region,
                new License(LicenseStatus.effective(c.licenseStatus, c.licenseExpiresAt, now), c.licenseExpiresAt),
                LicenseStatus.isValid(c.licenseStatus, c.licenseExpiresAt, now), state.primaryOfPartnerId(),
                association, c.createdAt);
    }
}
