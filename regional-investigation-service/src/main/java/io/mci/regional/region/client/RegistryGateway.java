package io.mci.regional.region.client;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * The registry client plus its fault tolerance. Timeouts and retries are set in configuration
 * ({@code quarkus.fault-tolerance."io.mci.regional.region.client.RegistryGateway/<method>".*}); the
 * annotation values are only defaults.
 */
@ApplicationScoped
public class RegistryGateway {

    private final EntitlementRegistryClient client;

    public RegistryGateway(@RestClient EntitlementRegistryClient client) {
        this.client = client;
    }

    /** Customer id to region, for every customer the registry homes in {@code region}. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public Uni<Map<UUID, String>> customersOfRegion(String region) {
        return client.customersOfRegion(region).map(list -> {
            Map<UUID, String> byId = new HashMap<>();
            if (list != null && list.customers() != null) {
                for (RegistryCustomer c : list.customers()) {
                    if (c != null && c.id() != null && c.region() != null) {
                        byId.put(c.id(), c.region());
                    }
                }
            }
            return byId;
        });
    }

    /** The home region of one customer; empty when the registry does not know it (404). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public Uni<Optional<String>> customer(UUID id) {
        return client.customer(id)
                .map(c -> c == null || c.region() == null ? Optional.<String>empty() : Optional.of(c.region()))
                .onFailure(RegistryGateway::isNotFound).recoverWithItem(Optional.empty());
    }

    private static boolean isNotFound(Throwable t) {
        return t instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 404;
    }
}
