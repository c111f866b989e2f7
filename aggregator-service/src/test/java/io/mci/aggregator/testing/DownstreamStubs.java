package io.mci.aggregator.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The services the aggregator talks to, as WireMock servers on dynamic ports: the entitlement service and three
 * regions (us, eu, ap). Region servers carry {@link FakeRegionQuery}, which answers the regional query exactly
 * as docs/internal-api.md says, over a data set given in the stub. Tests reach the servers over WireMock's
 * admin API ({@link Stubs}), so nothing depends on class loaders.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final List<String> REGIONS = List.of("us", "eu", "ap");

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        WireMockServer entitlement = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        entitlement.start();
        servers.put("entitlement", entitlement);
        config.put("quarkus.rest-client.entitlement.url", entitlement.baseUrl());
        for (String region : REGIONS) {
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new FakeRegionQuery()));
            server.start();
            servers.put(region, server);
            config.put("mci.regions." + region + ".url", server.baseUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        servers.values().forEach(WireMockServer::stop);
    }
}
