package io.mci.entitlement.customer.api;

import java.time.Instant;
import java.util.UUID;

import io.mci.entitlement.customer.model.CustomerAdmin;

/** A registered customer administrator. */
public record CustomerAdminView(UUID id, String subject, String email, String name, UUID customerId,
        Instant createdAt) {

    static CustomerAdminView of(CustomerAdmin a) {
        return new CustomerAdminView(a.id, a.subject, a.email, a.name, a.customerId, a.createdAt);
    }
}
