package io.mci.regional.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The entitlement service's customer registry and the token endpoint of the identity provider, on WireMock
 * (dynamic port). The registry answers only requests that carry the token the oidc-client obtained with the
 * {@code mci-regional} client credentials, so every passing test also proves the client-credentials flow.
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_TOKEN = "regional-client-token";
    public static final String CLIENT_SECRET = "test-regional-secret";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/idp/token"))
                .withBasicAuth("mci-regional", CLIENT_SECRET)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + CLIENT_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        StringBuilder list = new StringBuilder("{\"customers\":[");
        for (int i = 0; i < TestCustomers.LOCAL_POOL; i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append("{\"id\":\"").append(TestCustomers.local(i)).append("\",\"region\":\"us\",")
                    .append("\"license_status\":\"ACTIVE\",\"license_expires_at\":null}");
        }
        list.append("]}");
        server.stubFor(get(urlPathEqualTo("/entitlement/v1/internal/customers"))
                .withQueryParam("region", equalTo("us"))
                .withHeader("Authorization", equalTo("Bearer " + CLIENT_TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(list.toString())));
        for (int i = 0; i < TestCustomers.FOREIGN_POOL; i++) {
            server.stubFor(get(urlEqualTo("/entitlement/v1/internal/customers/" + TestCustomers.foreign(i)))
                    .withHeader("Authorization", equalTo("Bearer " + CLIENT_TOKEN))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"" + TestCustomers.foreign(i)
                                    + "\",\"region\":\"eu\",\"license_status\":\"ACTIVE\",\"license_expires_at\":null}")));
        }
        String base = "http://localhost:" + server.port();
        return Map.of(
                "quarkus.rest-client.entitlement.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/idp",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/token",
                "quarkus.oidc-client.client-id", "mci-regional",
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET,
                "mci.region.id", TestCustomers.REGION);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
