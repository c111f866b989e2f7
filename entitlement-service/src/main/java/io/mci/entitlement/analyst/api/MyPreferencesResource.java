package io.mci.entitlement.analyst.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.analyst.api.AnalystBodies.Preferences;
import io.mci.entitlement.analyst.service.AnalystService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The analyst's own multi-customer switch. */
@Path("/entitlement/v1/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class MyPreferencesResource {

    private final AnalystService analysts;
    private final Caller caller;

    public MyPreferencesResource(AnalystService analysts, Caller caller) {
        this.analysts = analysts;
        this.caller = caller;
    }

    @GET
    public Uni<Preferences> get() {
        return analysts.preference(caller.subject()).map(Preferences::new);
    }

    @PUT
    public Uni<Preferences> set(Preferences body) {
        boolean enabled = Input.body(body).validated();
        return analysts.setPreference(caller.as(Roles.ANALYST), caller.subject(), enabled).map(Preferences::new);
    }
}
