package io.mci.entitlement.access.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.service.AssignableUsersService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Who can be assigned investigations in a customer, for the aggregator on behalf of an entitled analyst. */
@Path("/entitlement/v1/internal/analysts/{subject}/customers/{customer_id}/assignable-users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class InternalAssignableUsersResource {

    private final AssignableUsersService assignable;

    public InternalAssignableUsersResource(AssignableUsersService assignable) {
        this.assignable = assignable;
    }

    @GET
    public Uni<AssignableUsers> list(@PathParam("subject") String subject,
            @PathParam("customer_id") String customerId) {
        return assignable.onBehalfOf(Input.text("subject", subject, Input.MAX_SUBJECT),
                Input.uuid("customer_id", customerId)).map(AssignableUsers::of);
    }
}
