package io.mci.entitlement.partner.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.config.Regions;
import io.mci.entitlement.partner.model.Partner;
import io.mci.entitlement.partner.service.PartnerCommands;

/** Request bodies of the operator's partner endpoints, and their validation. */
public final class PartnerBodies {

    private PartnerBodies() {
    }

    /** {@code {"product"?: "InsightIDR", "status": "ACTIVE", "expires_at"?: "..."}} */
    public record LicenseBody(String product, LicenseStatus status, Instant expiresAt) {

        /** Validates; {@code field} names this object in messages ("" when it is the whole body). */
        PartnerCommands.License validated(String field) {
            String prefix = field.isEmpty() ? "" : field + ".";
            String productName = product == null ? Partner.DEFAULT_PRODUCT : Input.text(prefix + "product", product, 100);
            return new PartnerCommands.License(productName, Input.required(prefix + "status", status),
                    Times.millis(expiresAt));
        }
    }

    /** {@code {"id"?, "name", "region", "license"?: {"status", "expires_at"?}}} */
    public record PrimaryCustomerBody(UUID id, String name, String region, CustomerLicenseBody license) {
    }

    /** {@code {"status", "expires_at"?}} */
    public record CustomerLicenseBody(LicenseStatus status, Instant expiresAt) {
    }

    /** {@code {"id"?, "name", "license", "partner_status_enabled", "primary_customer"}} */
    public record CreatePartnerBody(UUID id, String name, LicenseBody license, Boolean partnerStatusEnabled,
            PrimaryCustomerBody primaryCustomer) {

        PartnerCommands.Create validated(Regions regions) {
            String partnerName = Input.text("name", name, Input.MAX_NAME);
            PartnerCommands.License lic = Input.required("license", license).validated("license");
            boolean enabled = Input.required("partner_status_enabled", partnerStatusEnabled);
            PrimaryCustomerBody primary = Input.required("primary_customer", primaryCustomer);
            LicenseStatus primaryStatus = primary.license() == null ? LicenseStatus.ACTIVE
                    : Input.required("primary_customer.license.status", primary.license().status());
            Instant primaryExpiry = primary.license() == null ? null : Times.millis(primary.license().expiresAt());
            return new PartnerCommands.Create(id, partnerName, lic, enabled, new PartnerCommands.PrimaryCustomer(
                    primary.id(), Input.text("primary_customer.name", primary.name(), Input.MAX_NAME),
                    regions.require("primary_customer.region", primary.region()), primaryStatus, primaryExpiry));
        }
    }

    /** {@code {"partner_status_enabled": true}} */
    public record PartnerStatusBody(Boolean partnerStatusEnabled) {

        boolean validated() {
            return Input.required("partner_status_enabled", partnerStatusEnabled);
        }
    }
}
