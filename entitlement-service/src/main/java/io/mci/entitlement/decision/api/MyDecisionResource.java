package io.mci.entitlement.decision.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.decision.service.DecisionService;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The calling analyst's own decision and Customer Table. */
@Path("/entitlement/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class MyDecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public MyDecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/decision")
    public Uni<DecisionResponse> decision() {
        return decisions.forSubject(caller.subject()).map(DecisionResponse::of);
    }

    @GET
    @Path("/customer-table")
    public Uni<CustomerTableResponse> customerTable() {
        return decisions.factsForSubject(caller.subject()).map(CustomerTableResponse::of);
    }
}
