package io.mci.regional.region.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * The entitlement service's customer registry (docs/internal-api.md, "Internal endpoints"), called with this
 * service's own client-credentials token ({@code mci-regional}).
 */
@RegisterRestClient(configKey = "entitlement")
@OidcClientFilter
@Path("/entitlement/v1/internal/customers")
@Produces(MediaType.APPLICATION_JSON)
public interface EntitlementRegistryClient {

    /** All customers homed in {@code region}. */
    @GET
    Uni<RegistryCustomers> customersOfRegion(@QueryParam("region") String region);

    /** One registry entry; 404 when the registry does not know the customer. */
    @GET
    @Path("/{id}")
    Uni<RegistryCustomer> customer(@PathParam("id") UUID id);
}
