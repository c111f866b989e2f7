package io.mci.regional.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.mci.contract.time.Timestamps;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Collects bind parameters of a hand-built statement: {@link #bind} appends a value and returns its
 * placeholder ({@code $n}). Values are never written into the SQL text.
 */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    public String bind(Object value) {
        values.add(value instanceof Instant i ? ts(i) : value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }

    public int size() {
        return values.size();
    }

    /** An instant as the reactive client binds timestamptz, truncated to the stored millisecond precision. */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : Timestamps.truncate(instant).atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** Now, at the stored precision. */
    public static Instant now() {
        return Timestamps.now();
    }
}
