package io.mci.entitlement.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.mci.contract.time.Timestamps;

/** Time as this service stores it: UTC instants at millisecond precision, like the wire. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Timestamps.now();
    }

    public static Instant millis(Instant instant) {
        return Timestamps.truncate(instant);
    }

    /** A timestamp column read by a native query, whatever Java type the driver chose for it. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getSimpleName());
    }
}
