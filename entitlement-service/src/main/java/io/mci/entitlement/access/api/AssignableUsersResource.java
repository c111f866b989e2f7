package io.mci.entitlement.access.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.access.repository.GrantRepository.AssignableRow;
import io.mci.entitlement.access.service.AssignableUsersService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Who can be assigned investigations in a customer: for partner administrators and for the aggregator. */
@Path("/entitlement/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AssignableUsersResource {

    private final AssignableUsersService assignable;
    private final Caller caller;

    public AssignableUsersResource(AssignableUsersService assignable, Caller caller) {
        this.assignable = assignable;
        this.caller = caller;
    }

    @GET
    @Path("/partners/{partner_id}/customers/{customer_id}/assignable-users")
    @RolesAllowed(Roles.PARTNER_ADMIN)
    public Uni<Users> forAdmin(@PathParam("partner_id") String partnerId, @PathParam("customer_id") String customerId) {
        return assignable.forAdmin(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("customer_id", customerId)).map(Users::of);
    }

    @GET
    @Path("/internal/analysts/{subject}/customers/{customer_id}/assignable-users")
    @RolesAllowed(Roles.SERVICE)
    public Uni<Users> onBehalf(@PathParam("subject") String subject, @PathParam("customer_id") String customerId) {
        return assignable.onBehalfOf(Input.text("subject", subject, Input.MAX_SUBJECT),
                Input.uuid("customer_id", customerId)).map(Users::of);
    }

    /** {@code {"users": [{"id","email","name","role"}]}} */
    public record Users(List<User> users) {

        static Users of(List<AssignableRow> rows) {
            return new Users(rows.stream().map(r -> new User(r.id(), r.email(), r.name(), r.role())).toList());
        }
    }

    public record User(UUID id, String email, String name, AccessRole role) {
    }
}
