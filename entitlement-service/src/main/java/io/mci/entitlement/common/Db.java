package io.mci.entitlement.common;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Collection;

/** Small helpers for SQL written by hand. */
public final class Db {

    private Db() {
    }

    /** True when the failure (or a cause) is PostgreSQL's unique-violation (SQLState 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && "23505".equals(cv.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A PostgreSQL array literal of UUIDs ({@code {a,b,c}}), bound as text and cast in SQL inside a
     * FROM clause: {@code unnest(CAST(CAST(:ids AS text) AS uuid[]))}. UUIDs need no quoting.
     */
    public static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
