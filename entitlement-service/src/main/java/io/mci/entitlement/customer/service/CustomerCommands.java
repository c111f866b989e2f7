package io.mci.entitlement.customer.service;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.LicenseStatus;

/** Validated input of the customer operations. */
public final class CustomerCommands {

    private CustomerCommands() {
    }

    public record License(LicenseStatus status, Instant expiresAt) {
    }

    /** @param partnerId the partner this customer names without any association requested yet (state NONE), or null */
    public record Create(UUID id, String name, String region, License license, UUID partnerId) {
    }

    public record RegisterAdmin(String subject, String email, String name) {
    }
}
