package io.mci.contract.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.mci.contract.error.ApiException;

/**
 * Timestamps on the wire: ISO-8601 UTC with milliseconds out ({@code 2024-01-09T09:20:06.714Z});
 * in, any ISO-8601 instant or offset date-time, with or without fractions of a second.
 */
public final class Timestamps {

    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * The wire form. Years 0 to 9999 (every real timestamp) are written by hand: every service writes four of
     * them per investigation, hundreds per page, and DateTimeFormatter costs a few microseconds each.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST_SECOND || seconds > MAX_FAST_SECOND) {
            return OUT.format(instant);
        }
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] c = new char[24];
        pad(c, 0, date.getYear(), 4);
        c[4] = '-';
        pad(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        pad(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        pad(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        pad(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        pad(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        pad(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static final long MIN_FAST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long MAX_FAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400L - 1;

    private static void pad(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses an input timestamp; null stays null; anything else malformed is null too. */
    public static Instant tryParse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant canonical = parseCanonical(text);
        if (canonical != null) {
            return canonical;
        }
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * The wire form exactly ({@code 2024-01-09T09:20:06.714Z}, 24 characters), without DateTimeFormatter: what every
     * service writes and reads back most. Null for anything else, which then takes the general (lenient) way.
     */
    static Instant parseCanonical(String t) {
        if (t.length() != 24 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int milli = digits(t, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || milli < 0 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, milli * 1_000_000L);
    }

    private static int digits(String t, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /** Parses a named input timestamp; a malformed one is a 400 naming the parameter and the form. */
    public static Instant parse(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant = tryParse(text);
        if (instant == null) {
            throw ApiException.badRequest("Invalid timestamp for '" + name
                    + "'. Expected ISO-8601 UTC such as 2024-01-09T09:20:06Z or 2024-01-09T09:20:06.714Z.");
        }
        return instant;
    }

    /** Now, at the stored precision. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The precision we store, compare and show: milliseconds, so a position read off the wire is exact. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
