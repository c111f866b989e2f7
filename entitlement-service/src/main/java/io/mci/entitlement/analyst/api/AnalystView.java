package io.mci.entitlement.analyst.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.analyst.model.Analyst;

/** An analyst as partner administrators and operators see it. */
public record AnalystView(UUID id, String subject, String email, String name, UUID partnerId,
        boolean multiCustomerEnabled, Instant createdAt) {

    public static AnalystView of(Analyst a) {
        return new AnalystView(a.id, a.subject, a.email, a.name, a.partnerId, a.multiCustomerEnabled, a.createdAt);
    }
}
