package io.mci.entitlement.decision.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.mci.entitlement.decision.service.DecisionRules;

/**
 * The Customer Table: the partner's primary customer pinned first, then every customer whose
 * association names the partner (any state), by name.
 */
public record CustomerTableResponse(Row primary, List<Row> customers) {

    /** @param associationState null for the primary customer */
    public record Row(UUID id, String name, String region, LicenseStatus licenseStatus, Instant licenseExpiresAt,
            AssociationState associationState) {
    }

    public static CustomerTableResponse of(DecisionFacts facts) {
        var now = Times.now();
        List<DecisionFacts.Customer> sorted = DecisionRules.sorted(facts.customers());
        Row primary = null;
        List<Row> customers = new ArrayList<>(sorted.size());
        for (DecisionFacts.Customer c : sorted) {
            Row row = new Row(c.id(), c.name(), c.region(),
                    LicenseStatus.effective(c.licenseStatus(), c.licenseExpiresAt(), now), c.licenseExpiresAt(),
                    c.primary() ? null : c.associationState());
            if (c.primary()) {
                primary = row;
            } else {
                customers.add(row);
            }
        }
        return new CustomerTableResponse(primary, customers);
    }
}
