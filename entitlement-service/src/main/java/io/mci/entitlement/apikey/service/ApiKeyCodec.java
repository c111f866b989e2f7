package io.mci.entitlement.apikey.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key format {@code mci_<key id: 32 hex>_<secret: 64 hex>}. The key id finds the row; the
 * secret (256 random bits) is compared as SHA-256 digests in constant time.
 */
public final class ApiKeyCodec {

    private static final Pattern FORM = Pattern.compile("mci_([0-9a-f]{32})_([0-9a-f]{64})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    /** Compared against when the key id is unknown, so that path costs the same digest and comparison. */
    private static final byte[] NO_KEY = sha256("no such key");

    private ApiKeyCodec() {
    }

    /** A freshly generated key: the plaintext (shown once) and what is stored. */
    public record Generated(UUID id, String plaintext, byte[] secretSha256) {
    }

    /** A well-formed presented key. */
    public record Presented(UUID id, String secret) {
    }

    public static Generated generate() {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretHex = HEX.formatHex(secret);
        return new Generated(id, "mci_" + id.toString().replace("-", "") + "_" + secretHex, sha256(secretHex));
    }

    /** The parts of a presented key, or null when it is not of our form. */
    public static Presented parse(String key) {
        if (key == null) {
            return null;
        }
        Matcher m = FORM.matcher(key.trim());
        if (!m.matches()) {
            return null;
        }
        String hex = m.group(1);
        UUID id = UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
        return new Presented(id, m.group(2));
    }

    /** Constant-time comparison of the presented secret's digest with the stored digest (null: unknown key). */
    public static boolean matches(byte[] storedSha256, String presentedSecret) {
        byte[] presented = sha256(presentedSecret == null ? "" : presentedSecret);
        return MessageDigest.isEqual(storedSha256 == null ? NO_KEY : storedSha256, presented) && storedSha256 != null;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
