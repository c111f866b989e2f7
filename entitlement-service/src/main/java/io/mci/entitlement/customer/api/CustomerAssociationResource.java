package io.mci.entitlement.customer.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.common.Input;
import io.mci.entitlement.customer.service.CustomerService;
import io.mci.entitlement.customer.service.CustomerService.AssociationView;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The customer's administrator sees and approves the association of the customers they administer.
 * Customers they do not administer answer 404.
 */
@Path("/entitlement/v1/customers/{customer_id}/association")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER_ADMIN)
public class CustomerAssociationResource {

    private final CustomerService customers;
    private final Caller caller;

    public CustomerAssociationResource(CustomerService customers, Caller caller) {
        this.customers = customers;
        this.caller = caller;
    }

    @GET
    public Uni<AssociationView> get(@PathParam("customer_id") String customerId) {
        return customers.association(caller.subject(), Input.uuid("customer_id", customerId));
    }

    @POST
    @Path("/approve")
    public Uni<AssociationView> approve(@PathParam("customer_id") String customerId) {
        var id = Input.uuid("customer_id", customerId);
        return customers.approveAssociation(caller.as(Roles.CUSTOMER_ADMIN), id);
    }
}
