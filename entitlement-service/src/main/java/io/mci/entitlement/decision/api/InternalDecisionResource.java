package io.mci.entitlement.decision.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

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

    /**
     * The decision, with an ETag. With {@code If-None-Match} naming the ETag of a decision that is still right, 304
     * and no body (docs/entitlement.md, "Conditional decisions").
     */
    @GET
    @Path("/decision")
    public Uni<RestResponse<DecisionResponse>> decision(@PathParam("subject") String subject,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return decisions.forSubjectUnlessUnchanged(Input.text("subject", subject, Input.MAX_SUBJECT), ifNoneMatch)
                .map(c -> (c.unchanged() ? RestResponse.ResponseBuilder.<DecisionResponse>notModified()
                        : RestResponse.ResponseBuilder.ok(DecisionResponse.of(c.decision())))
                        .header(HttpHeaders.ETAG, c.tag().header()).build());
    }

    @GET
    @Path("/customer-table")
    public Uni<CustomerTableResponse> customerTable(@PathParam("subject") String subject) {
        return decisions.factsForSubject(Input.text("subject", subject, Input.MAX_SUBJECT))
                .map(CustomerTableResponse::of);
    }
}
