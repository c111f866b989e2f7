package io.mci.entitlement.customer.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.mci.contract.web.Params;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.common.Page;
import io.mci.entitlement.config.Regions;
import io.mci.entitlement.customer.api.CustomerBodies.AssociationRequestBody;
import io.mci.entitlement.customer.api.CustomerBodies.CreateCustomerBody;
import io.mci.entitlement.customer.api.CustomerBodies.LicenseBody;
import io.mci.entitlement.customer.api.CustomerBodies.RegisterAdminBody;
import io.mci.entitlement.customer.service.CustomerService;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** Operator endpoints for customers: create, licence, associations, customer administrators. */
@Path("/entitlement/v1/operator/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class OperatorCustomerResource {

    private static final List<String> LIST_PARAMS = List.of("partner_id", "region", "index", "size");

    private final CustomerService customers;
    private final Regions regions;
    private final Caller caller;

    public OperatorCustomerResource(CustomerService customers, Regions regions, Caller caller) {
        this.customers = customers;
        this.regions = regions;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    public Uni<CustomerView> create(CreateCustomerBody body) {
        var command = Input.body(body).validated(regions);
        return customers.create(caller.as(Roles.OPERATOR), command).map(CustomerView::of);
    }

    @GET
    public Uni<Page<CustomerView>> list(@QueryParam("partner_id") String partnerId, @QueryParam("region") String region,
            @QueryParam("index") String index, @QueryParam("size") String size, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), LIST_PARAMS);
        var partner = partnerId == null || partnerId.isBlank() ? null : Input.uuid("partner_id", partnerId);
        var homeRegion = region == null || region.isBlank() ? null : regions.parse("region", region);
        int pageIndex = Params.integer("index", index, 0, 0, 1_000_000);
        int pageSize = Params.integer("size", size, 20, 1, 100);
        return customers.list(partner, homeRegion, pageIndex, pageSize)
                .map(page -> new Page<>(page.data().stream().map(CustomerView::of).toList(), page.metadata()));
    }

    @GET
    @Path("/{customer_id}")
    public Uni<CustomerView> get(@PathParam("customer_id") String customerId) {
        return customers.get(Input.uuid("customer_id", customerId)).map(CustomerView::of);
    }

    @PUT
    @Path("/{customer_id}/license")
    public Uni<CustomerView> setLicense(@PathParam("customer_id") String customerId, LicenseBody body) {
        var id = Input.uuid("customer_id", customerId);
        var license = Input.body(body).validated("");
        return customers.setLicense(caller.as(Roles.OPERATOR), id, license).map(CustomerView::of);
    }

    @POST
    @Path("/{customer_id}/association")
    public Uni<CustomerView> requestAssociation(@PathParam("customer_id") String customerId,
            AssociationRequestBody body) {
        var id = Input.uuid("customer_id", customerId);
        var partnerId = Input.body(body).validated();
        return customers.requestAssociation(caller.as(Roles.OPERATOR), id, partnerId).map(CustomerView::of);
    }

    @POST
    @Path("/{customer_id}/association/revoke")
    public Uni<CustomerView> revokeAssociation(@PathParam("customer_id") String customerId) {
        var id = Input.uuid("customer_id", customerId);
        return customers.revokeAssociation(caller.as(Roles.OPERATOR), id).map(CustomerView::of);
    }

    @POST
    @Path("/{customer_id}/administrators")
    @ResponseStatus(201)
    public Uni<CustomerAdminView> registerAdmin(@PathParam("customer_id") String customerId, RegisterAdminBody body) {
        var id = Input.uuid("customer_id", customerId);
        var command = Input.body(body).validated();
        return customers.registerAdmin(caller.as(Roles.OPERATOR), id, command).map(CustomerAdminView::of);
    }
}
