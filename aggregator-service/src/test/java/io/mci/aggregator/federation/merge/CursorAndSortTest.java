package io.mci.aggregator.federation.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mci.contract.error.ApiException;

/** The cursor codec and the global order of sort keys. */
class CursorAndSortTest {

    @Test
    void aCursorSurvivesTheRoundTripAndIsOpaqueUrlSafeText() {
        Cursor cursor = new Cursor("fp123", new SortOrder(SortField.PRIORITY, true),
                new SortKey(4, Instant.parse("2024-05-01T10:00:00.123Z"), null, "ABCDEF123456", "eu"), 40,
                Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-29T00:00:00.999Z"));
        String text = cursor.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
        assertEquals(cursor, Cursor.decode(text));
    }

    @Test
    void aCursorWithNullTimesKeepsThem() {
        Cursor cursor = new Cursor("fp", new SortOrder(SortField.ALERTS_MOST_RECENT_CREATED_TIME, false),
                new SortKey(0, null, null, "ABCDEF123456", "us"), 0, null, null);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void anythingElseIsAnInvalidCursor() {
        for (String bad : List.of("", "!!!", "e30", "eyJ2IjoyfQ", java.util.Base64.getUrlEncoder().encodeToString(
                "{\"v\":1,\"q\":\"x\",\"s\":\"title\",\"d\":\"ASC\",\"k\":{\"g\":\"us\"}}".getBytes()))) {
            ApiException e = assertThrows(ApiException.class, () -> Cursor.decode(bad));
            assertEquals("INVALID_CURSOR", e.code());
            assertEquals(400, e.status());
        }
    }

    @Test
    void theGlobalOrderIsKeyThenIdThenRegionAndDescIsItsExactReverse() {
        Instant t1 = Instant.parse("2024-05-01T00:00:00Z");
        Instant t2 = Instant.parse("2024-05-02T00:00:00Z");
        List<SortKey> ascending = List.of(
                new SortKey(1, t2, null, "B", "us"),
                new SortKey(3, t1, null, "A", "ap"),
                new SortKey(3, t1, null, "A", "eu"),
                new SortKey(3, t1, null, "A", "us"),
                new SortKey(3, t1, null, "B", "ap"),
                new SortKey(3, t2, null, "A", "ap"),
                new SortKey(4, t1, null, "A", "us"));
        List<SortKey> shuffled = new ArrayList<>(ascending);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        shuffled.sort(new SortOrder(SortField.PRIORITY, false).comparator());
        assertEquals(ascending, shuffled);
        shuffled.sort(new SortOrder(SortField.PRIORITY, true).comparator());
        List<SortKey> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(descending, shuffled);
    }

    @Test
    void nullTimesAreSmallest() {
        SortKey none = new SortKey(0, null, null, "Z", "us");
        SortKey some = new SortKey(0, Instant.EPOCH, null, "A", "us");
        assertTrue(new SortOrder(SortField.ALERTS_MOST_RECENT_CREATED_TIME, false).comparator().compare(none, some) < 0);
        assertTrue(new SortOrder(SortField.ALERTS_MOST_RECENT_CREATED_TIME, true).comparator().compare(none, some) > 0);
    }

    @Test
    void regionsAfterTheCursorsRegionAreAskedInclusively() {
        SortOrder asc = new SortOrder(SortField.CREATED_TIME, false);
        SortOrder desc = new SortOrder(SortField.CREATED_TIME, true);
        assertTrue(asc.regionComesAfter("us", "eu"));
        assertTrue(!asc.regionComesAfter("ap", "eu") && !asc.regionComesAfter("eu", "eu"));
        assertTrue(desc.regionComesAfter("ap", "eu"));
        assertTrue(!desc.regionComesAfter("us", "eu"));
    }

    @Test
    void sortParsingIsLenientOnCaseAndStrictOnNames() {
        assertEquals(new SortOrder(SortField.CREATED_TIME, false), SortOrder.parse("Created_Time, asc"));
        assertEquals(new SortOrder(SortField.RRN, true), SortOrder.parse("rrn"));
        assertEquals(SortOrder.DEFAULT, SortOrder.parse(null));
        ApiException e = assertThrows(ApiException.class, () -> SortOrder.parse("title,ASC"));
        assertTrue(e.accepted().contains("alerts_most_recent_detection_created_time"));
        assertThrows(ApiException.class, () -> SortOrder.parse("priority,UP"));
        assertThrows(ApiException.class, () -> SortOrder.parse("priority,ASC,x"));
    }
}
