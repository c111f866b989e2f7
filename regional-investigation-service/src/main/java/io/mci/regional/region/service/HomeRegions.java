package io.mci.regional.region.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.rrn.Rrn;
import io.mci.regional.config.RegionalConfig;
import io.mci.regional.region.client.RegistryGateway;
import io.smallrye.mutiny.Uni;

/** The home-region rule of docs/internal-api.md: this service serves only customers homed in its region. */
@ApplicationScoped
public class HomeRegions {

    private final String region;
    private final HomeRegionCache cache;

    public HomeRegions(RegionalConfig config, RegistryGateway gateway) {
        this.region = config.region().id();
        this.cache = new HomeRegionCache(region, () -> gateway.customersOfRegion(region), gateway::customer,
                Instant::now, config.registry().ttl(), config.registry().minRefreshInterval(),
                config.registry().maxStale());
    }

    public String region() {
        return region;
    }

    /** Completes when every customer is homed here; 421 WRONG_REGION, 404 UNKNOWN_CUSTOMER or 503 otherwise. */
    public Uni<Void> requireLocal(Collection<UUID> customers) {
        return cache.requireLocal(customers);
    }

    public Uni<Void> requireLocal(UUID customer) {
        return cache.requireLocal(List.of(customer));
    }

    /** An RRN of another region is refused before anything else (421 WRONG_REGION). */
    public void requireOwnRegion(Rrn rrn) {
        if (!region.equals(rrn.region())) {
            throw new ApiException(421, "WRONG_REGION",
                    "The RRN names region " + rrn.region() + "; this service serves region " + region + ".");
        }
    }
}
