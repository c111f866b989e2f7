package io.mci.entitlement.decision.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.decision.service.DecisionService;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The decision and Customer Table for the aggregator, on behalf of an analyst named by OIDC subject. */
@Path("/entitlement/v1/internal/analysts/{subject}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class InternalDecisionResource {

    private final DecisionService decisions;

    public InternalDecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("/decision")
    public Uni<DecisionResponse> decision(@PathParam("subject") String subject) {
        return decisions.forSubject(Input.text("subject", subject, Input.MAX_SUBJECT)).map(DecisionResponse::of);
    }

    @GET
    @Path("/customer-table")
    public Uni<CustomerTableResponse> customerTable(@PathParam("subject") String subject) {
        return decisions.factsForSubject(Input.text("subject", subject, Input.MAX_SUBJECT))
                .map(CustomerTableResponse::of);
    }
}
