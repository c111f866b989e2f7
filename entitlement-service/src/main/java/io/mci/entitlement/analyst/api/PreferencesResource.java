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

/** The analyst's own multi-customer switch: directly, or relayed by the aggregator. */
@Path("/entitlement/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final AnalystService analysts;
    private final Caller caller;

    public PreferencesResource(AnalystService analysts, Caller caller) {
        this.analysts = analysts;
        this.caller = caller;
    }

    @GET
    @Path("/me/preferences")
    @RolesAllowed(Roles.ANALYST)
    public Uni<Preferences> mine() {
        return analysts.preference(caller.subject()).map(Preferences::new);
    }

    @PUT
    @Path("/me/preferences")
    @RolesAllowed(Roles.ANALYST)
    public Uni<Preferences> setMine(Preferences body) {
        boolean enabled = Input.body(body).validated();
        return analysts.setPreference(caller.as(Roles.ANALYST), caller.subject(), enabled).map(Preferences::new);
    }

    @GET
    @Path("/internal/analysts/{subject}/preferences")
    @RolesAllowed(Roles.SERVICE)
    public Uni<Preferences> onBehalf(@PathParam("subject") String subject) {
        return analysts.preference(Input.text("subject", subject, Input.MAX_SUBJECT)).map(Preferences::new);
    }

    @PUT
    @Path("/internal/analysts/{subject}/preferences")
    @RolesAllowed(Roles.SERVICE)
    public Uni<Preferences> setOnBehalf(@PathParam("subject") String subject, Preferences body) {
        String analyst = Input.text("subject", subject, Input.MAX_SUBJECT);
        boolean enabled = Input.body(body).validated();
        return analysts.setPreference(caller.serviceOnBehalfOf(analyst), analyst, enabled).map(Preferences::new);
    }
}
