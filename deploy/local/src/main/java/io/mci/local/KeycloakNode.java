package io.mci.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak (keycloak-quarkus-dist from Maven Central) in dev mode on loopback, with the MCI realm
 * imported from {@code deploy/keycloak/mci-realm.json} at every start into an in-memory store: the realm
 * is static configuration (users have fixed ids, so OIDC subjects are stable across restarts).
 */
final class KeycloakNode implements AutoCloseable {

    static final String REALM = "mci";
    private final ChildProcess process;
    private final int port;

    private KeycloakNode(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakNode start(Path home, Path realmFile, int port, int managementPort, Path logDir, Duration timeout) {
        Path log = logDir.resolve("keycloak.log");
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new StartupFailure("Keycloak", log, "no Keycloak at " + home + " (run mvn install first)");
        }
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve("mci-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            String url = "http://127.0.0.1:" + port;
            ChildProcess process = ChildProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=" + url,
                    "--http-management-port=" + managementPort, "--import-realm", "--db=dev-mem",
                    "--health-enabled=true", "--cache=local"),
                    home, log, Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"));
            KeycloakNode node = new KeycloakNode(process, port);
            Ready.await("Keycloak", process, node.issuer() + "/.well-known/openid-configuration", timeout);
            return node;
        } catch (IOException e) {
            throw new StartupFailure("Keycloak", log, e.getMessage());
        }
    }

    int port() {
        return port;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** A user's access token by the password grant of the public front-end client. */
    String userToken(String username, String password) {
        Http.Reply reply = Http.form(tokenUrl(), Map.of("grant_type", "password", "client_id", "mci-frontend",
                "username", username, "password", password)).expect(200);
        return reply.json().get("access_token").asText();
    }

    /** A service account's access token by the client-credentials grant. */
    String clientToken(String clientId, String secret) {
        Http.Reply reply = Http.form(tokenUrl(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).expect(200);
        return reply.json().get("access_token").asText();
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
