package io.mci.entitlement.partner.service;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.LicenseStatus;

/** Validated input of the partner operations. */
public final class PartnerCommands {

    private PartnerCommands() {
    }

    public record License(String product, LicenseStatus status, Instant expiresAt) {
    }

    public record PrimaryCustomer(UUID id, String name, String region, LicenseStatus licenseStatus,
            Instant licenseExpiresAt) {
    }

    public record Create(UUID id, String name, License license, boolean partnerStatusEnabled,
            PrimaryCustomer primaryCustomer) {
    }
}
