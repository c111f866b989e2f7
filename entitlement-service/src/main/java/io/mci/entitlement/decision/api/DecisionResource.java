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

/**
 * The decision and the Customer Table: for the calling analyst ({@code /me}), for the aggregator on
 * behalf of an analyst ({@code /internal}), and for a partner administrator looking at one of the
 * partner's analysts.
 */
@Path("/entitlement/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/me/decision")
    @RolesAllowed(Roles.ANALYST)
    public Uni<DecisionResponse> myDecision() {
        return decisions.forSubject(caller.subject()).map(DecisionResponse::of);
    }

    @GET
    @Path("/me/customer-table")
    @RolesAllowed(Roles.ANALYST)
    public Uni<CustomerTableResponse> myCustomerTable() {
        return decisions.factsForSubject(caller.subject()).map(CustomerTableResponse::of);
    }

    @GET
    @Path("/internal/analysts/{subject}/decision")
    @RolesAllowed(Roles.SERVICE)
    public Uni<DecisionResponse> decisionOnBehalf(@PathParam("subject") String subject) {
        return decisions.forSubject(Input.text("subject", subject, Input.MAX_SUBJECT)).map(DecisionResponse::of);
    }

    @GET
    @Path("/internal/analysts/{subject}/customer-table")
    @RolesAllowed(Roles.SERVICE)
    public Uni<CustomerTableResponse> customerTableOnBehalf(@PathParam("subject") String subject) {
        return decisions.factsForSubject(Input.text("subject", subject, Input.MAX_SUBJECT))
                .map(CustomerTableResponse::of);
    }

    @GET
    @Path("/partners/{partner_id}/analysts/{analyst_id}/decision")
    @RolesAllowed(Roles.PARTNER_ADMIN)
    public Uni<DecisionResponse> analystDecision(@PathParam("partner_id") String partnerId,
            @PathParam("analyst_id") String analystId) {
        return decisions.forAnalystOfPartner(caller.subject(), Input.uuid("partner_id", partnerId),
                Input.uuid("analyst_id", analystId)).map(DecisionResponse::of);
    }
}
