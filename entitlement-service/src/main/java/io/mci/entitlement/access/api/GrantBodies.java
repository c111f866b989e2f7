package io.mci.entitlement.access.api;

import java.util.List;
import java.util.UUID;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.config.EntitlementConfig;

/** Request bodies of the grant endpoints. */
public final class GrantBodies {

    private GrantBodies() {
    }

    /**
     * {@code {"analyst_ids": [...], "customer_ids": [...], "role": "ANALYST"}}; {@code role} null or
     * absent creates grants without a role (the analyst then sees NO_ROLE_IN_CUSTOMER).
     */
    public record GrantBody(List<UUID> analystIds, List<UUID> customerIds, AccessRole role) {

        Validated validated(EntitlementConfig config) {
            return new Validated(Input.ids("analyst_ids", analystIds, config.bulk().maxAnalysts()),
                    Input.ids("customer_ids", customerIds, config.bulk().maxCustomers()), role);
        }
    }

    /** {@code {"analyst_ids": [...], "customer_ids": [...]}} */
    public record RevokeBody(List<UUID> analystIds, List<UUID> customerIds) {

        Validated validated(EntitlementConfig config) {
            return new Validated(Input.ids("analyst_ids", analystIds, config.bulk().maxAnalysts()),
                    Input.ids("customer_ids", customerIds, config.bulk().maxCustomers()), null);
        }
    }

    record Validated(List<UUID> analystIds, List<UUID> customerIds, AccessRole role) {
    }
}
