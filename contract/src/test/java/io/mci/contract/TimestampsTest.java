package io.mci.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.mci.contract.time.Timestamps;

/** The hand-written fast paths of the wire timestamp agree with java.time everywhere, and refuse what it refuses. */
class TimestampsTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsAndParsesLikeJavaTimeOverTheWholeRangeOfYears() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000))
                    .truncatedTo(ChronoUnit.MILLIS);
            String text = Timestamps.format(instant);
            assertEquals(REFERENCE.format(instant), text);
            assertEquals(instant, Timestamps.tryParse(text), text);
        }
    }

    @Test
    void formatsTheEdgesOfDaysMonthsAndLeapYears() {
        for (String text : new String[] { "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.001Z",
            "2000-02-29T23:59:59.999Z", "2023-12-31T23:59:59.999Z", "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z" }) {
            Instant instant = Instant.parse(text);
            assertEquals(text, Timestamps.format(instant));
            assertEquals(instant, Timestamps.tryParse(text));
        }
    }

    @Test
    void outsideYearsZeroTo9999TheGeneralFormatterWrites() {
        Instant far = Instant.parse("+12024-01-01T00:00:00Z");
        assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(far),
                Timestamps.format(far));
    }

    @Test
    void refusesImpossibleDatesAndTimesThatLookCanonical() {
        for (String text : new String[] { "2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z", "2024-00-10T00:00:00.000Z",
            "2024-04-31T00:00:00.000Z", "2024-01-01T00:60:00.000Z", "2024-01-01T00:00:60.000Z",
            "2024-01-01T00:00:0a.000Z", "2024-01-01 00:00:00.000Z", "2024-01-01T00:00:00.000+" }) {
            assertNull(Timestamps.tryParse(text), text);
        }
    }

    @Test
    void otherIsoFormsStillParse() {
        assertEquals(Instant.parse("2024-01-09T09:20:06Z"), Timestamps.tryParse("2024-01-09T09:20:06Z"));
        assertEquals(Instant.parse("2024-01-09T09:20:06.714123Z"), Timestamps.tryParse("2024-01-09T09:20:06.714123Z"));
        assertEquals(Instant.parse("2024-01-09T08:20:06.714Z"), Timestamps.tryParse("2024-01-09T09:20:06.714+01:00"));
        assertEquals(Instant.parse("2024-01-09T09:20:06.714Z"), Timestamps.tryParse(" 2024-01-09T09:20:06.714Z "));
    }
}
