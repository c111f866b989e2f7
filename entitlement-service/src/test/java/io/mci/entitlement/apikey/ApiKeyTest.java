package io.mci.entitlement.apikey;

import static io.mci.entitlement.Fixtures.BASE;
import static io.mci.entitlement.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.Fixtures;
import io.mci.entitlement.Fixtures.Partner;
import io.mci.entitlement.TestDb;
import io.mci.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** User API keys: shown once, stored as a hash, verified in constant time, revoked at once, counted. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiKeyTest {

    private static final String VERIFY = BASE + "/internal/api-keys/verify";

    private static String newAnalyst(Partner partner) {
        String subject = Fixtures.unique("keyholder");
        Fixtures.analystOf(partner, subject);
        return subject;
    }

    private static Map<String, Object> create(String subject, String name) {
        return as(Fixtures.analyst(subject)).body(Map.of("name", name)).post(BASE + "/me/api-keys").then()
                .statusCode(201).extract().jsonPath().getMap("");
    }

    private static double verifications(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^mci_entitlement_api_key_verifications_total\\{[^}]*outcome=\"" + outcome
                + "\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Everything logged in this JVM while it is installed (the application runs in the test JVM). */
    static final class CapturedLogs extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();

        CapturedLogs() {
            setLevel(Level.ALL);
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] params = record.getParameters();
            lines.add(message + (params == null ? "" : " " + java.util.Arrays.toString(params))
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }

    @Test
    void createsAKeyShownOnceAndStoresOnlyTheHashOfItsSecret() throws Exception {
        String subject = newAnalyst(Fixtures.activePartner());
        Map<String, Object> created;
        String key;
        try (CapturedLogs logs = new CapturedLogs()) {
            created = create(subject, "SOAR connector");
            key = (String) created.get("key");
            as(Fixtures.service()).body(Map.of("key", key)).post(VERIFY).then().statusCode(200);
            as(Fixtures.service()).body(Map.of("key", key + "x")).post(VERIFY).then().statusCode(401);
            String secretPart = key.substring(37);
            assertTrue(logs.lines.stream().noneMatch(line -> line.contains(secretPart)), "the key was logged");
        }
        assertTrue(key.matches("mci_[0-9a-f]{32}_[0-9a-f]{64}"), key);
        String id = (String) created.get("id");
        assertEquals(id.replace("-", ""), key.substring(4, 36));
        assertEquals("SOAR connector", created.get("name"));
        assertNotNull(created.get("created_at"));
        String secret = key.substring(37);

        // Listing never shows it again.
        as(Fixtures.analyst(subject)).get(BASE + "/me/api-keys").then().statusCode(200)
                .body("api_keys.id", contains(id)).body("api_keys[0]", not(hasKey("key")))
                .body("api_keys[0].name", equalTo("SOAR connector")).body("api_keys[0].revoked_at", nullValue());

        // The database holds the SHA-256 of the secret and neither the key nor the secret, anywhere.
        String everything = TestDb.text("SELECT string_agg(t, '|') FROM (SELECT x::text AS t FROM api_key x "
                + "UNION ALL SELECT y::text FROM audit_event y UNION ALL SELECT z::text FROM analyst z) rows");
        assertFalse(everything.contains(secret));
        assertFalse(everything.contains(key));
        String stored = TestDb.text("SELECT encode(secret_sha256, 'hex') FROM api_key WHERE id = ?::uuid", id);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, stored);
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'API_KEY_CREATED' AND target_id = ?",
                id));
    }

    @Test
    void verifiesAKeyToItsAnalystAndRecordsLastUse() {
        Partner partner = Fixtures.activePartner();
        String subject = newAnalyst(partner);
        String key = (String) create(subject, "script").get("key");
        double validBefore = verifications("valid");
        as(Fixtures.service()).body(Map.of("key", key)).post(VERIFY).then().statusCode(200)
                .body("key_id", notNullValue())
                .body("analyst.subject", equalTo(subject))
                .body("analyst.email", equalTo(subject + "@mssp.test"))
                .body("analyst.partner_id", equalTo(partner.id().toString()))
                .body("analyst.id", notNullValue());
        assertEquals(validBefore + 1, verifications("valid"));
        as(Fixtures.analyst(subject)).get(BASE + "/me/api-keys").then().statusCode(200)
                .body("api_keys[0].last_used_at", notNullValue());
    }

    @Test
    void revocationTakesEffectAtOnce() {
        String subject = newAnalyst(Fixtures.activePartner());
        Map<String, Object> created = create(subject, "to revoke");
        String key = (String) created.get("key");
        as(Fixtures.service()).body(Map.of("key", key)).post(VERIFY).then().statusCode(200);
        as(Fixtures.analyst(subject)).delete(BASE + "/me/api-keys/" + created.get("id")).then().statusCode(204);
        double revokedBefore = verifications("revoked");
        as(Fixtures.service()).body(Map.of("key", key)).post(VERIFY).then().statusCode(401)
                .body("code", equalTo("INVALID_API_KEY")).body("status", equalTo(401))
                .body("correlation_id", notNullValue());
        assertEquals(revokedBefore + 1, verifications("revoked"));
        as(Fixtures.analyst(subject)).get(BASE + "/me/api-keys").then().body("api_keys[0].revoked_at", notNullValue());
        // Revoking twice changes nothing more.
        as(Fixtures.analyst(subject)).delete(BASE + "/me/api-keys/" + created.get("id")).then().statusCode(204);
        assertEquals(1, TestDb.count("SELECT count(*) FROM audit_event WHERE action = 'API_KEY_REVOKED' AND target_id = ?",
                created.get("id")));
    }

    @Test
    void refusesUnknownMalformedAndWrongSecretKeysAndCountsEachOutcome() {
        String subject = newAnalyst(Fixtures.activePartner());
        String key = (String) create(subject, "real").get("key");
        String unknown = "mci_" + UUID.randomUUID().toString().replace("-", "") + key.substring(36);
        String wrongSecret = key.substring(0, 37) + "0".repeat(64);
        Map<String, String> cases = Map.of("unknown", unknown, "malformed", "not-a-key", "mismatch", wrongSecret);
        for (var entry : cases.entrySet()) {
            double before = verifications(entry.getKey());
            as(Fixtures.service()).body(Map.of("key", entry.getValue())).post(VERIFY).then().statusCode(401)
                    .body("code", equalTo("INVALID_API_KEY"))
                    .body("message", equalTo("The API key is invalid or has been revoked."));
            assertEquals(before + 1, verifications(entry.getKey()), entry.getKey());
        }
    }

    @Test
    void anAnalystCannotRevokeSomeoneElsesKey() {
        Partner partner = Fixtures.activePartner();
        String owner = newAnalyst(partner);
        String other = newAnalyst(partner);
        String id = (String) create(owner, "owned").get("id");
        String before = TestDb.snapshot();
        as(Fixtures.analyst(other)).delete(BASE + "/me/api-keys/" + id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        assertEquals(before, TestDb.snapshot());
    }

    @Test
    void verificationIsForServicesOnly() {
        String subject = newAnalyst(Fixtures.activePartner());
        String key = (String) create(subject, "k").get("key");
        as(Fixtures.analyst(subject)).body(Map.of("key", key)).post(VERIFY).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType("application/json").body(Map.of("key", key)).post(VERIFY).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void limitsActiveKeysPerAnalyst() {
        String subject = newAnalyst(Fixtures.activePartner());
        for (int i = 0; i < 20; i++) {
            create(subject, "k" + i);
        }
        String before = TestDb.snapshot();
        as(Fixtures.analyst(subject)).body(Map.of("name", "one too many")).post(BASE + "/me/api-keys").then()
                .statusCode(409).body("code", equalTo("TOO_MANY_API_KEYS"));
        assertEquals(before, TestDb.snapshot());
    }
}
