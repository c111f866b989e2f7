package io.mci.testing;

import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed bearer tokens that {@code OidcWiremockTestResource} accepts: signed with the private key
 * shipped in quarkus-test-oidc-server ({@code privateKey.jwk}, kid 1), issuer
 * {@code https://server.example.com}, roles in the {@code groups} claim.
 *
 * <p>Services under test point {@code quarkus.oidc.auth-server-url} at
 * {@code ${keycloak.url:replaced-by-test-resource}/realms/quarkus/}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    private static final String KEY = "privateKey.jwk";

    private TestTokens() {
    }

    /** An analyst or administrator: OIDC subject, email, name and roles. */
    public static String user(String subject, String email, String... roles) {
        return base(subject, roles).claim("email", email).claim("name", email)
                .preferredUserName(email).sign(KEY);
    }

    /** A service identity obtained by client credentials: the client id is the subject. */
    public static String service(String clientId, String... roles) {
        return base("service-account-" + clientId, roles).claim("azp", clientId).claim("client_id", clientId)
                .preferredUserName("service-account-" + clientId).sign(KEY);
    }

    /** A token whose lifetime is over. */
    public static String expired(String subject, String... roles) {
        Instant past = Instant.now().minusSeconds(3600);
        return base(subject, roles).issuedAt(past.minusSeconds(600)).expiresAt(past).sign(KEY);
    }

    /** A well-signed token from an issuer nobody trusts. */
    public static String foreignIssuer(String subject, String... roles) {
        return base(subject, roles).issuer("https://evil.example.com").sign(KEY);
    }

    private static JwtClaimsBuilder base(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).audience("https://service.example.com")
                .expiresIn(3600);
    }
}
