package io.mci.entitlement.access.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.api.GrantBodies.GrantBody;
import io.mci.entitlement.access.api.GrantBodies.RevokeBody;
import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.access.service.GrantService;
import io.mci.entitlement.access.service.GrantService.GrantResult;
import io.mci.entitlement.access.service.GrantService.RevokeResult;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.config.EntitlementConfig;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Multi-Customer User Admin: grants of the partner's analysts on the partner's customers. */
@Path("/entitlement/v1/partners/{partner_id}")
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
    @Path("/grants")
    public Uni<GrantResult> grant(@PathParam("partner_id") String partnerId, GrantBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var input = Input.body(body).validated(config);
        return grants.grant(caller.as(Roles.PARTNER_ADMIN), id, input.analystIds(), input.customerIds(), input.role());
    }

    /** Removes every analyst x customer grant named, all or nothing. */
    @POST
    @Path("/grants/revoke")
    public Uni<RevokeResult> revoke(@PathParam("partner_id") String partnerId, RevokeBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var input = Input.body(body).validated(config);
        return grants.revoke(caller.as(Roles.PARTNER_ADMIN), id, input.analystIds(), input.customerIds());
    }

    @GET
    @Path("/analysts/{analyst_id}/grants")
    public Uni<GrantList> grantsOf(@PathParam("partner_id") String partnerId,
            @PathParam("analyst_id") String analystId) {
        return grants.grantsOf(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("analyst_id", analystId))
                .map(rows -> new GrantList(rows.stream().map(r -> new GrantView(r.customerId(), r.customerName(),
                        r.region(), r.role(), r.grantedAt(), r.grantedBy())).toList()));
    }

    /** {@code {"grants": [...]}} */
    public record GrantList(List<GrantView> grants) {
    }

    /** @param role null for a grant without a role */
    public record GrantView(UUID customerId, String customerName, String region, AccessRole role, Instant grantedAt,
            String grantedBy) {
    }
}
