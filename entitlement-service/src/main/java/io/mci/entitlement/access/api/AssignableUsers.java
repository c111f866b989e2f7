package io.mci.entitlement.access.api;

import java.util.List;
import java.util.UUID;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.access.repository.GrantRepository.AssignableRow;

/** {@code {"users": [{"id","email","name","role"}]}}, by email. */
public record AssignableUsers(List<User> users) {

    public record User(UUID id, String email, String name, AccessRole role) {
    }

    static AssignableUsers of(List<AssignableRow> rows) {
        return new AssignableUsers(rows.stream().map(r -> new User(r.id(), r.email(), r.name(), r.role())).toList());
    }
}
