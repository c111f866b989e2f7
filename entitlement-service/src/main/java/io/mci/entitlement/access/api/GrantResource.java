package io.mci.entitlement.access.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.api.GrantBodies.GrantBody;
import io.mci.entitlement.access.api.GrantBodies.RevokeBody;
import io.mci.entitlement.access.service.GrantService;
import io.mci.entitlement.access.service.GrantService.GrantResult;
import io.mci.entitlement.access.service.GrantService.RevokeResult;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.config.EntitlementConfig;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Multi-Customer User Admin: grant or revoke access in bulk (partner administrators, own partner only). */
@Path("/entitlement/v1/partners/{partner_id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class GrantResource {

    private final GrantService grants;
    private final Caller caller;
    private final EntitlementConfig config;

    public GrantResource(GrantService grants, Caller caller, EntitlementConfig config) {
        this.grants = grants;
        this.caller = caller;
        this.config = config;
    }

    /** Grants (or re-roles) every analyst x customer pair, all or nothing. */
    @POST
    public Uni<GrantResult> grant(@PathParam("partner_id") String partnerId, GrantBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var input = Input.body(body).validated(config);
        return grants.grant(caller.as(Roles.PARTNER_ADMIN), id, input.analystIds(), input.customerIds(), input.role());
    }

    /** Removes every analyst x customer grant named, all or nothing. */
    @POST
    @Path("/revoke")
    public Uni<RevokeResult> revoke(@PathParam("partner_id") String partnerId, RevokeBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var input = Input.body(body).validated(config);
        return grants.revoke(caller.as(Roles.PARTNER_ADMIN), id, input.analystIds(), input.customerIds());
    }
}
