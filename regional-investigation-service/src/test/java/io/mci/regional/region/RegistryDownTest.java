package io.mci.regional.region;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mci.regional.support.Api;
import io.mci.regional.support.TestCustomers;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * With the customer registry unreachable and nothing cached, nothing is served as if local (503), and with
 * {@code mci.synthetic.enabled=false} the generator is not served. One extra application start.
 */
@QuarkusTest
@TestProfile(RegistryDownTest.Down.class)
class RegistryDownTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.entitlement.url", "http://127.0.0.1:9",
                    "quarkus.oidc-client.auth-server-url", "http://127.0.0.1:9/idp",
                    "quarkus.oidc-client.discovery-enabled", "false",
                    "quarkus.oidc-client.token-path", "/token",
                    "mci.synthetic.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void registryDownAndNothingCachedIs503WithErrorBody() {
        Api.federation().body(Map.of("customer_ids", List.of(TestCustomers.local(0))))
                .post("/regional/v1/investigations/query").then().statusCode(503)
                .body("code", equalTo("REGISTRY_UNAVAILABLE")).body("status", equalTo(503))
                .body("correlation_id", notNullValue());
        Api.writer().body(Map.of("organization_id", TestCustomers.local(0), "title", "t"))
                .post("/regional/v1/investigations").then().statusCode(503).body("code", equalTo("REGISTRY_UNAVAILABLE"));
    }

    @Test
    void syntheticDataIsNotServedWhenDisabled() {
        Api.federation().body(Map.of("seed", 1, "customer_ids", List.of(TestCustomers.local(0)), "investigations", 1))
                .post("/regional/v1/admin/synthetic-data").then().statusCode(404)
                .body("code", equalTo("SYNTHETIC_DATA_DISABLED")).body("correlation_id", notNullValue());
    }
}
