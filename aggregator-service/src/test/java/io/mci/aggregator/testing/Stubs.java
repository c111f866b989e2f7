package io.mci.aggregator.testing;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.WireMock;

/** WireMock admin clients of the stubbed services, found through the aggregator's own configuration. */
public final class Stubs {

    private Stubs() {
    }

    public static WireMock entitlement() {
        return client("quarkus.rest-client.entitlement.url");
    }

    public static WireMock region(String id) {
        return client("mci.regions." + id + ".url");
    }

    public static void resetAll() {
        entitlement().resetMappings();
        entitlement().resetRequests();
        for (String region : DownstreamStubs.REGIONS) {
            region(region).resetMappings();
            region(region).resetRequests();
        }
    }

    private static WireMock client(String key) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue(key, String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }
}
