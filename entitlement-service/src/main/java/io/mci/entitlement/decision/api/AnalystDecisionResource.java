package io.mci.entitlement.decision.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.decision.service.DecisionService;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** A partner administrator asks "why can't this analyst of ours see that customer?". */
@Path("/entitlement/v1/partners/{partner_id}/analysts/{analyst_id}/decision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class AnalystDecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public AnalystDecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    public Uni<DecisionResponse> decision(@PathParam("partner_id") String partnerId,
            @PathParam("analyst_id") String analystId) {
        return decisions.forAnalystOfPartner(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("analyst_id", analystId)).map(DecisionResponse::of);
    }
}
