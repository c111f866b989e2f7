package io.mci.entitlement.access.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.access.service.GrantService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** One analyst's grants on the partner's customers (partner administrators, own partner only). */
@Path("/entitlement/v1/partners/{partner_id}/analysts/{analyst_id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class AnalystGrantsResource {

    private final GrantService grants;
    private final Caller caller;

    public AnalystGrantsResource(GrantService grants, Caller caller) {
        this.grants = grants;
        this.caller = caller;
    }

    @GET
    public Uni<GrantList> list(@PathParam("partner_id") String partnerId, @PathParam("analyst_id") String analystId) {
        return grants.grantsOf(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("analyst_id", analystId))
                .map(rows -> new GrantList(rows.stream().map(r -> new GrantView(r.customerId(), r.customerName(),
                        r.region(), r.role(), r.grantedAt(), r.grantedBy())).toList()));
    }

    /** {@code {"grants": [...]}}: the primary customer first, then by customer name. */
    public record GrantList(List<GrantView> grants) {
    }

    /** @param role null for a grant without a role */
    public record GrantView(UUID customerId, String customerName, String region, AccessRole role, Instant grantedAt,
            String grantedBy) {
    }
}
