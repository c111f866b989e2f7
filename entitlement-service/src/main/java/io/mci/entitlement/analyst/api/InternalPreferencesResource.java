package io.mci.entitlement.analyst.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.analyst.api.AnalystBodies.Preferences;
import io.mci.entitlement.analyst.service.AnalystService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The aggregator reads and sets an analyst's multi-customer switch on the analyst's behalf. */
@Path("/entitlement/v1/internal/analysts/{subject}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class InternalPreferencesResource {

    private final AnalystService analysts;
    private final Caller caller;

    public InternalPreferencesResource(AnalystService analysts, Caller caller) {
        this.analysts = analysts;
        this.caller = caller;
    }

    @GET
    public Uni<Preferences> get(@PathParam("subject") String subject) {
        return analysts.preference(Input.text("subject", subject, Input.MAX_SUBJECT)).map(Preferences::new);
    }

    /** Audited as the analyst's own change, relayed by the calling service. */
    @PUT
    public Uni<Preferences> set(@PathParam("subject") String subject, Preferences body) {
        String analyst = Input.text("subject", subject, Input.MAX_SUBJECT);
        boolean enabled = Input.body(body).validated();
        return analysts.setPreference(caller.serviceOnBehalfOf(analyst), analyst, enabled).map(Preferences::new);
    }
}
