package io.mci.entitlement.analyst.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** Multi-Customer User Admin: the partner's analysts (partner administrators, own partner only). */
@Path("/entitlement/v1/partners/{partner_id}/analysts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class PartnerAnalystResource {

    private final AnalystService analysts;
    private final Caller caller;

    public PartnerAnalystResource(AnalystService analysts, Caller caller) {
        this.analysts = analysts;
        this.caller = caller;
    }

    @GET
    public Uni<AnalystList> list(@PathParam("partner_id") String partnerId) {
        return analysts.list(caller.subject(), Input.uuid("partner_id", partnerId))
                .map(list -> new AnalystList(list.stream().map(AnalystView::of).toList()));
    }

    @POST
    @ResponseStatus(201)
    public Uni<AnalystView> register(@PathParam("partner_id") String partnerId, RegisterAnalystBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var registration = Input.body(body).validated();
        return analysts.registerByAdmin(caller.as(Roles.PARTNER_ADMIN), id, registration).map(AnalystView::of);
    }

    /** {@code {"analysts": [...]}}, by email. */
    public record AnalystList(List<AnalystView> analysts) {
    }
}
