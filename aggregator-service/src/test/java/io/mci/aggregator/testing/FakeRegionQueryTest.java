package io.mci.aggregator.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

/** The fake region itself answers as the document says: filters, order, after/inclusive, has_more, total. */
class FakeRegionQueryTest {

    @Test
    void answersTheDocumentedQuery() throws Exception {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeRegionQuery()));
        server.start();
        try {
            Instant t = Instant.parse("2024-05-01T00:00:00Z");
            var items = List.of(
                    Fixtures.item("us", Fixtures.US_PRIMARY, "AAAAAAAAAAA1", "HIGH", t, null, null, "OPEN"),
                    Fixtures.item("us", Fixtures.US_PRIMARY, "AAAAAAAAAAA2", "HIGH", t, null, null, "OPEN"),
                    Fixtures.item("us", Fixtures.US_ANALYST, "AAAAAAAAAAA3", "LOW", t, null, null, "OPEN"),
                    Fixtures.item("us", Fixtures.AP_EXCLUDED, "AAAAAAAAAAA4", "CRITICAL", t, null, null, "OPEN"));
            new WireMock(server.port()).register(WireMock.post(WireMock.urlPathEqualTo("/regional/v1/investigations/query"))
                    .willReturn(WireMock.aResponse().withTransformers(FakeRegionQuery.NAME)
                            .withTransformerParameters(FakeRegionQuery.parameters(items))));
            JsonNode first = post(server, "{\"customer_ids\":[\"" + Fixtures.US_PRIMARY + "\",\"" + Fixtures.US_ANALYST
                    + "\"],\"sort\":{\"field\":\"priority\",\"order\":\"DESC\"},\"limit\":2,\"include_total\":true}");
            assertEquals(3, first.get("total").asInt());
            assertEquals("AAAAAAAAAAA2", first.at("/items/0/id").asText());
            assertEquals("AAAAAAAAAAA1", first.at("/items/1/id").asText());
            assertTrue(first.get("has_more").asBoolean());
            JsonNode second = post(server, "{\"customer_ids\":[\"" + Fixtures.US_PRIMARY + "\",\"" + Fixtures.US_ANALYST
                    + "\"],\"sort\":{\"field\":\"priority\",\"order\":\"DESC\"},\"limit\":2,\"after\":"
                    + first.get("next_after") + "}");
            assertEquals(1, second.get("items").size());
            assertEquals("AAAAAAAAAAA3", second.at("/items/0/id").asText());
            JsonNode inclusive = post(server, "{\"customer_ids\":[\"" + Fixtures.US_PRIMARY
                    + "\"],\"sort\":{\"field\":\"priority\",\"order\":\"DESC\"},\"after\":{\"value\":\"HIGH\","
                    + "\"created_time\":\"2024-05-01T00:00:00.000Z\",\"id\":\"AAAAAAAAAAA2\",\"inclusive\":true}}");
            assertEquals(2, inclusive.get("items").size());
        } finally {
            server.stop();
        }
    }

    private static JsonNode post(WireMockServer server, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/regional/v1/investigations/query")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Fixtures.JSON.readTree(r.body());
    }
}
