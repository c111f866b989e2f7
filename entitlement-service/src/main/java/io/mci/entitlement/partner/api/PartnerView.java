package io.mci.entitlement.partner.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.customer.model.Customer;
import io.mci.entitlement.decision.service.DecisionRules;
import io.mci.entitlement.partner.service.PartnerService.PartnerWithPrimary;

/** A partner as the operator sees it. */
public record PartnerView(UUID id, String name, License license, boolean licenseActive, boolean partnerStatusEnabled,
        PrimaryCustomer primaryCustomer, Instant createdAt) {

    public record License(String product, LicenseStatus status, Instant expiresAt) {
    }

    public record PrimaryCustomer(UUID id, String name, String region) {
    }

    public static PartnerView of(PartnerWithPrimary pp) {
        var p = pp.partner();
        Customer c = pp.primary();
        return new PartnerView(p.id, p.name, new License(p.licenseProduct, p.licenseStatus, p.licenseExpiresAt),
                DecisionRules.partnerLicenseActive(p.licenseProduct, p.licenseStatus, p.licenseExpiresAt, Times.now()),
                p.partnerStatusEnabled, c == null ? null : new PrimaryCustomer(c.id, c.name, c.region), p.createdAt);
    }
}
