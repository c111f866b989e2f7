package io.mci.entitlement.analyst.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.mci.entitlement.analyst.api.AnalystBodies.RegisterAnalystBody;
import io.mci.entitlement.analyst.service.AnalystService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The operator registers analysts of any partner, for instance a new partner's first administrator. */
@Path("/entitlement/v1/operator/partners/{partner_id}/analysts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class OperatorAnalystResource {

    private final AnalystService analysts;
    private final Caller caller;

    public OperatorAnalystResource(AnalystService analysts, Caller caller) {
        this.analysts = analysts;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    public Uni<AnalystView> register(@PathParam("partner_id") String partnerId, RegisterAnalystBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var registration = Input.body(body).validated();
        return analysts.registerByOperator(caller.as(Roles.OPERATOR), id, registration).map(AnalystView::of);
    }
}
