package io.mci.aggregator.customer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.mci.aggregator.entitlement.client.EntitlementWire;
import io.mci.aggregator.investigation.service.QueryParsing;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.ApiKeyIdentityProvider;
import io.mci.aggregator.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** {@code /mci/v1}: what front ends need beyond the v2 API. */
@Path("/mci/v1")
@RolesAllowed(ApiKeyIdentityProvider.ANALYST_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MCI v1")
public class MciResource {

    private final CustomerService customers;
    private final SecurityIdentity identity;

    public MciResource(CustomerService customers, SecurityIdentity identity) {
        this.customers = customers;
        this.identity = identity;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The analyst, the partner's licence and status, the multi-customer preference and decision, the primary customer")
    public Uni<CustomerViews.Me> me(@Context UriInfo uri, @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.me(Caller.of(identity, ctx));
    }

    @GET
    @Path("/me/preferences")
    @Operation(summary = "The analyst's multi-customer preference")
    public Uni<EntitlementWire.Preferences> preferences(@Context UriInfo uri, @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.preferences(Caller.of(identity, ctx));
    }

    @PUT
    @Path("/me/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn multi-customer investigations on or off for the analyst")
    public Uni<EntitlementWire.Preferences> setPreferences(@Context UriInfo uri, @Context RoutingContext ctx,
            CustomerViews.Preference body) {
        noParameters(uri);
        return customers.setPreferences(Caller.of(identity, ctx), body);
    }

    @GET
    @Path("/customer-table")
    @Operation(summary = "The Customer Table: the primary customer pinned first, then the partner's customers by name")
    public Uni<EntitlementWire.CustomerTable> customerTable(@Context UriInfo uri, @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.customerTable(Caller.of(identity, ctx));
    }

    @GET
    @Path("/customers")
    @Operation(summary = "The Customers view: entitled customers with open investigations per priority, "
            + "the one needing attention first; excluded customers with their reasons")
    public Uni<CustomerViews.Customers> customers(@Context UriInfo uri, @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.customers(Caller.of(identity, ctx));
    }

    @GET
    @Path("/customers/{customerId}/context")
    @Operation(summary = "The single-customer context: region, role and what the analyst may do there")
    public Uni<CustomerViews.Context> context(@PathParam("customerId") String customerId, @Context UriInfo uri,
            @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.context(Caller.of(identity, ctx), Access.parseCustomerId(customerId, "customer id"));
    }

    @GET
    @Path("/customers/{customerId}/assignable-users")
    @Operation(summary = "Users who can be assigned investigations of the customer")
    public Uni<EntitlementWire.AssignableUsers> assignableUsers(@PathParam("customerId") String customerId,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        noParameters(uri);
        return customers.assignableUsers(Caller.of(identity, ctx), Access.parseCustomerId(customerId, "customer id"));
    }

    private static void noParameters(UriInfo uri) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
    }
}
