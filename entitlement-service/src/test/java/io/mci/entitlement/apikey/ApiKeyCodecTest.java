package io.mci.entitlement.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.apikey.service.ApiKeyCodec;

class ApiKeyCodecTest {

    @Test
    void generatedKeyParsesBackToItsIdAndMatchesItsDigest() {
        var generated = ApiKeyCodec.generate();
        assertTrue(generated.plaintext().matches("mci_[0-9a-f]{32}_[0-9a-f]{64}"));
        var presented = ApiKeyCodec.parse(generated.plaintext());
        assertEquals(generated.id(), presented.id());
        assertTrue(ApiKeyCodec.matches(generated.secretSha256(), presented.secret()));
    }

    @Test
    void refusesWrongSecretsUnknownKeysAndOtherForms() {
        var generated = ApiKeyCodec.generate();
        var other = ApiKeyCodec.parse(ApiKeyCodec.generate().plaintext());
        assertFalse(ApiKeyCodec.matches(generated.secretSha256(), other.secret()));
        assertFalse(ApiKeyCodec.matches(null, other.secret()));
        assertNull(ApiKeyCodec.parse(null));
        assertNull(ApiKeyCodec.parse("mci_short_secret"));
        assertNull(ApiKeyCodec.parse(generated.plaintext().toUpperCase()));
        assertNull(ApiKeyCodec.parse(generated.plaintext() + "0"));
    }
}
