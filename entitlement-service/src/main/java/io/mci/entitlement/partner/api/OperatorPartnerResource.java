package io.mci.entitlement.partner.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.config.Regions;
import io.mci.entitlement.partner.api.PartnerBodies.CreatePartnerBody;
import io.mci.entitlement.partner.api.PartnerBodies.LicenseBody;
import io.mci.entitlement.partner.api.PartnerBodies.PartnerStatusBody;
import io.mci.entitlement.partner.service.PartnerService;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Operator endpoints for partners: create (with the primary customer), licence, partner status. */
@Path("/entitlement/v1/operator/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class OperatorPartnerResource {

    private final PartnerService partners;
    private final Regions regions;
    private final Caller caller;

    public OperatorPartnerResource(PartnerService partners, Regions regions, Caller caller) {
        this.partners = partners;
        this.regions = regions;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    public Uni<PartnerView> create(CreatePartnerBody body) {
        var command = Input.body(body).validated(regions);
        return partners.create(caller.as(Roles.OPERATOR), command).map(PartnerView::of);
    }

    @GET
    public Uni<PartnerList> list() {
        return partners.list().map(list -> new PartnerList(list.stream().map(PartnerView::of).toList()));
    }

    @GET
    @Path("/{partner_id}")
    public Uni<PartnerView> get(@PathParam("partner_id") String partnerId) {
        return partners.get(Input.uuid("partner_id", partnerId)).map(PartnerView::of);
    }

    @PUT
    @Path("/{partner_id}/license")
    public Uni<PartnerView> setLicense(@PathParam("partner_id") String partnerId, LicenseBody body) {
        var id = Input.uuid("partner_id", partnerId);
        var license = Input.body(body).validated("");
        return partners.setLicense(caller.as(Roles.OPERATOR), id, license).map(PartnerView::of);
    }

    @PUT
    @Path("/{partner_id}/status")
    public Uni<PartnerView> setStatus(@PathParam("partner_id") String partnerId, PartnerStatusBody body) {
        var id = Input.uuid("partner_id", partnerId);
        boolean enabled = Input.body(body).validated();
        return partners.setPartnerStatus(caller.as(Roles.OPERATOR), id, enabled).map(PartnerView::of);
    }

    /** {@code {"partners": [...]}} */
    public record PartnerList(List<PartnerView> partners) {
    }
}
