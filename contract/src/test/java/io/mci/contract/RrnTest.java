package io.mci.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.contract.error.ApiException;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;

class RrnTest {

    private static final UUID ORG = UUID.fromString("174e4f99-2ac7-4481-9301-4d24c34baf06");

    @Test
    void formatsAndParsesInvestigationRrnsRoundTrip() {
        Rrn rrn = Rrn.investigation("us", ORG, "6A74T2A4XYZ1");
        assertEquals("rrn:investigation:us:174e4f99-2ac7-4481-9301-4d24c34baf06:investigation:6A74T2A4XYZ1",
                rrn.toString());
        assertEquals(rrn, Rrn.parse(rrn.toString()));
        assertEquals(rrn, Rrn.parse(rrn.toString(), Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION));
    }

    @Test
    void upperCasesTheIdPartSoLookupsAreCaseInsensitive() {
        Rrn rrn = Rrn.parse("rrn:investigation:eu:" + ORG + ":investigation:abcdef123456");
        assertEquals("ABCDEF123456", rrn.id());
        assertEquals("eu", rrn.region());
    }

    @Test
    void refusesMalformedRrnsWith400() {
        for (String bad : new String[] {null, "", "rrn:investigation:us", "rrn:investigation:us:not-a-uuid:investigation:X",
                "urn:investigation:us:" + ORG + ":investigation:ABC", "rrn:investigation:US!:" + ORG + ":investigation:A"}) {
            ApiException e = assertThrows(ApiException.class, () -> Rrn.parse(bad), String.valueOf(bad));
            assertEquals(400, e.status());
        }
    }

    @Test
    void refusesAnRrnOfTheWrongType() {
        String comment = Rrn.comment("us", ORG, "ABCDEF123456").toString();
        ApiException e = assertThrows(ApiException.class,
                () -> Rrn.parse(comment, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION));
        assertEquals(400, e.status());
    }

    @Test
    void shortIdsAreTwelveUpperCaseAlphanumericsAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ShortIds.next();
            assertTrue(ShortIds.isShortId(id), id);
            assertTrue(id.matches("[A-Z0-9]{12}"), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
        assertFalse(ShortIds.isShortId("ABC"));
        assertTrue(Rrn.looksLikeRrn("RRN:x"));
    }
}
