package io.mci.entitlement.access.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.service.AssignableUsersService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Who can be assigned investigations in one of the partner's customers (partner administrators). */
@Path("/entitlement/v1/partners/{partner_id}/customers/{customer_id}/assignable-users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class PartnerAssignableUsersResource {

    private final AssignableUsersService assignable;
    private final Caller caller;

    public PartnerAssignableUsersResource(AssignableUsersService assignable, Caller caller) {
        this.assignable = assignable;
        this.caller = caller;
    }

    @GET
    public Uni<AssignableUsers> list(@PathParam("partner_id") String partnerId,
            @PathParam("customer_id") String customerId) {
        return assignable.forAdmin(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("customer_id", customerId)).map(AssignableUsers::of);
    }
}
