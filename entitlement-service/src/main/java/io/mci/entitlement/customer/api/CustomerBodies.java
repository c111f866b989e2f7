package io.mci.entitlement.customer.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.config.Regions;
import io.mci.entitlement.customer.service.CustomerCommands;

/** Request bodies of the customer endpoints, and their validation. */
public final class CustomerBodies {

    private CustomerBodies() {
    }

    /** {@code {"status": "ACTIVE", "expires_at"?: "..."}} */
    public record LicenseBody(LicenseStatus status, Instant expiresAt) {

        CustomerCommands.License validated(String field) {
            String prefix = field.isEmpty() ? "" : field + ".";
            return new CustomerCommands.License(Input.required(prefix + "status", status), Times.millis(expiresAt));
        }
    }

    /** {@code {"id"?, "name", "region", "license", "partner_id"?}} */
    public record CreateCustomerBody(UUID id, String name, String region, LicenseBody license, UUID partnerId) {

        CustomerCommands.Create validated(Regions regions) {
            return new CustomerCommands.Create(id, Input.text("name", name, Input.MAX_NAME),
                    regions.require("region", region), Input.required("license", license).validated("license"),
                    partnerId);
        }
    }

    /** {@code {"partner_id"}} */
    public record AssociationRequestBody(UUID partnerId) {

        UUID validated() {
            return Input.required("partner_id", partnerId);
        }
    }

    /** {@code {"subject", "email", "name"?}} */
    public record RegisterAdminBody(String subject, String email, String name) {

        CustomerCommands.RegisterAdmin validated() {
            return new CustomerCommands.RegisterAdmin(Input.text("subject", subject, Input.MAX_SUBJECT),
                    Input.email("email", email), Input.optionalText("name", name, Input.MAX_NAME));
        }
    }
}
