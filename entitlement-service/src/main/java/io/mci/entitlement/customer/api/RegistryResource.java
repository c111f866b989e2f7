package io.mci.entitlement.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.mci.contract.web.Params;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.config.Regions;
import io.mci.entitlement.customer.service.RegistryService;
import io.mci.entitlement.customer.service.RegistryService.Entry;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The customer registry the regional services read: customer id -> home region and licence state. */
@Path("/entitlement/v1/internal/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class RegistryResource {

    private static final List<String> PARAMS = List.of("region");

    private final RegistryService registry;
    private final Regions regions;

    public RegistryResource(RegistryService registry, Regions regions) {
        this.registry = registry;
        this.regions = regions;
    }

    @GET
    public Uni<Registry> list(@QueryParam("region") String region, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), PARAMS);
        String homeRegion = region == null || region.isBlank() ? null : regions.parse("region", region);
        return registry.list(homeRegion).map(entries -> new Registry(entries.stream().map(RegistryEntry::of).toList()));
    }

    @GET
    @Path("/{customer_id}")
    public Uni<RegistryEntry> get(@PathParam("customer_id") String customerId) {
        return registry.get(Input.uuid("customer_id", customerId)).map(RegistryEntry::of);
    }

    /** {@code {"customers": [...]}} */
    public record Registry(List<RegistryEntry> customers) {
    }

    /** @param licenseStatus effective: ACTIVE past its expiry reads EXPIRED */
    public record RegistryEntry(UUID id, String region, LicenseStatus licenseStatus, Instant licenseExpiresAt) {

        static RegistryEntry of(Entry e) {
            return new RegistryEntry(e.id(), e.region(), e.licenseStatus(), e.licenseExpiresAt());
        }
    }
}
