package io.mci.aggregator.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Nothing about a customer is ever at rest in the aggregator: it has no SQL driver or datasource at all, and a
 * full scenario (lists and cursor pages across regions, reads, writes, comments, a bulk action, the Customers
 * view, API-key authentication, health) writes no file.
 *
 * <p>How "writes no file" is proven: a JFR recording of {@code jdk.FileWrite} and {@code jdk.FileForce} with
 * threshold 0 (so every write through FileOutputStream, RandomAccessFile or FileChannel is an event, whatever its
 * duration) runs in this JVM during the scenario; writes to stdout/stderr have no path and are the console log.
 * Because JFR does not see files that are created but never written, the files under the module directory and
 * java.io.tmpdir are also listed before and after the scenario and must not change (JFR's own repository and
 * Surefire's reports excepted).
 */
@QuarkusTest
class NoDataAtRestTest extends AggregatorTest {

    @Test
    void theModuleHasNoSqlDriverNoDatasourceAndNoDatabaseClient() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        assertFalse(ServiceLoader.load(java.sql.Driver.class, loader).iterator().hasNext(), "a JDBC driver is present");
        assertFalse(DriverManager.getDrivers().hasMoreElements(), "a JDBC driver is registered");
        for (String type : List.of("io.agroal.api.AgroalDataSource", "io.quarkus.agroal.DataSource",
                "io.quarkus.datasource.common.runtime.DataSourceUtil", "io.vertx.sqlclient.Pool", "io.vertx.pgclient.PgPool",
                "org.postgresql.Driver", "org.hibernate.Session", "org.hibernate.reactive.mutiny.Mutiny",
                "org.flywaydb.core.Flyway", "org.h2.Driver")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(type, false, loader),
                    type + " must not be on the aggregator's classpath");
        }
    }

    @Test
    void aFullScenarioWritesNoFile() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        String subject = Fixtures.subject();
        stubEverything(subject);
        scenario(subject); // once to warm up: class loading and first connections are not the point

        Map<String, String> before = files(module, tmp);
        Recording recording = new Recording();
        recording.enable("jdk.FileWrite").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
        recording.start();
        try {
            scenario(subject);
        } finally {
            recording.stop();
        }
        Path dump = Files.createTempFile("no-data-at-rest", ".jfr");
        List<String> writes = new ArrayList<>();
        try {
            recording.dump(dump);
            for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
                String path = event.hasField("path") ? event.getString("path") : null;
                if (path == null) {
                    continue; // stdout / stderr: the console log
                }
                writes.add(event.getEventType().getName() + " " + path + " at " + frames(event));
            }
        } finally {
            recording.close();
            Files.deleteIfExists(dump);
        }
        assertEquals(List.of(), writes, "the aggregator wrote to files during the scenario");

        Map<String, String> after = files(module, tmp);
        assertEquals(before, after, "files appeared or changed during the scenario");
    }

    private static void scenario(String subject) {
        String token = Fixtures.token(subject);
        String window = "&start_time=2024-04-01T00:00:00Z&end_time=2024-06-01T00:00:00Z";
        var first = Fixtures.JSON.valueToTree(given().auth().oauth2(token)
                .get("/idr/v2/investigations?multi-customer=true&size=5" + window).then().statusCode(200)
                .extract().as(Map.class));
        assertFalse(first.at("/metadata/partial").asBoolean(), "a region did not answer: " + first.at("/metadata/regions"));
        String cursor = first.at("/metadata/next_cursor").asText();
        given().auth().oauth2(token).get("/idr/v2/investigations?multi-customer=true&size=5&cursor=" + cursor + window)
                .then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"search\": [{\"field\": \"title\", \"operator\": \"CONTAINS\", \"value\": \"Investigation\"}]}")
                .post("/idr/v2/investigations/_search?multi-customer=true").then().statusCode(200);
        String rrn = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "SCENARIO0001");
        given().auth().oauth2(token).get("/idr/v2/investigations/" + rrn).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"priority\": \"HIGH\"}")
                .patch("/idr/v2/investigations/" + rrn).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"target\": \"" + rrn + "\", \"body\": \"Customer secret: do not persist\"}")
                .post("/idr/v1/comments").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("rrns", List.of(rrn), "status", "INVESTIGATING"))
                .post("/mci/v1/bulk-actions").then().statusCode(200);
        given().auth().oauth2(token).get("/mci/v1/customers").then().statusCode(200);
        given().header("X-Api-Key", "scenario-key").get("/mci/v1/me").then().statusCode(200);
        given().get("/q/health/ready");
        given().get("/q/metrics").then().statusCode(200);
        given().auth().oauth2(token).get("/idr/v2/investigations?bogus=1").then().statusCode(400);
    }

    private static void stubEverything(String subject) {
        Fixtures.stubDecision(subject);
        Fixtures.stubQueries(Fixtures.dataSet(42, 4));
        String rrn = Fixtures.rrn("eu", Fixtures.EU_ANALYST, "SCENARIO0001");
        String item = Fixtures.itemJson("eu", Fixtures.EU_ANALYST, "SCENARIO0001", "HIGH", "OPEN", 2);
        Stubs.region("eu").register(get(urlPathEqualTo("/regional/v1/investigations/" + rrn)).willReturn(okJson(item)));
        Stubs.region("eu").register(patch(urlPathEqualTo("/regional/v1/investigations/" + rrn)).willReturn(okJson(item)));
        Stubs.region("eu").register(post(urlPathEqualTo("/regional/v1/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"rrn\": \"rrn:investigation:eu:"
                        + Fixtures.EU_ANALYST + ":comment:C00000000001\", \"target\": \"" + rrn + "\", \"creator\": "
                        + "{\"type\": \"USER\", \"name\": \"Ana\"}, \"body\": \"Customer secret: do not persist\", "
                        + "\"visibility\": \"PUBLIC\", \"created_time\": \"2024-05-01T00:00:00.000Z\", \"attachments\": []}")));
        for (String region : new String[] { "us", "eu", "ap" }) {
            Stubs.region(region).register(post(urlPathEqualTo("/regional/v1/investigations/counts"))
                    .willReturn(okJson("{\"counts\": []}")));
        }
        Stubs.entitlement().register(post(urlEqualTo("/entitlement/v1/internal/api-keys/verify"))
                .willReturn(okJson("{\"key_id\": \"k\", \"analyst\": {\"id\": \"" + Fixtures.ANALYST_ID
                        + "\", \"subject\": \"" + subject + "\", \"email\": \"" + Fixtures.EMAIL + "\", \"name\": \"Ana\","
                        + " \"partner_id\": \"p\"}}")));
        Stubs.entitlement().register(get(urlEqualTo("/q/health/ready")).willReturn(okJson("{\"status\": \"UP\"}")));
    }

    private static String frames(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "?";
        }
        return event.getStackTrace().getFrames().stream().limit(8).map(RecordedFrame::getMethod)
                .map(m -> m.getType().getName() + "." + m.getName()).toList().toString();
    }

    /** Every regular file under the roots with size and modification time; Surefire's and JFR's own files excepted. */
    private static Map<String, String> files(Path... roots) throws IOException {
        String jfrRepository = System.getProperty("jdk.jfr.repository");
        Map<String, String> files = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().contains("surefire") && !p.toString().endsWith(".jfr")
                                && (jfrRepository == null || !p.toAbsolutePath().startsWith(jfrRepository)))
                        .forEach(p -> {
                            try {
                                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                                files.put(p.toAbsolutePath().toString(), a.size() + "@" + a.lastModifiedTime());
                            } catch (IOException e) {
                                files.put(p.toAbsolutePath().toString(), "unreadable");
                            }
                        });
            }
        }
        assertTrue(!files.isEmpty(), "nothing listed: the check would prove nothing");
        return files;
    }
}
