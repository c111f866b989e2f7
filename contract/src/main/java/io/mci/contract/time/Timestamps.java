package io.mci.contract.time;

import java.time.Instant;
import java.time.OffsetDateTime;
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

    public static String format(Instant instant) {
        return instant == null ? null : OUT.format(instant);
    }

    /** Parses an input timestamp; null stays null; anything else malformed is null too. */
    public static Instant tryParse(String text) {
        if (text == null || text.isBlank()) {
            return null;
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
