package io.mci.entitlement.common;

import java.time.Instant;

/** The state of an InsightIDR licence, of a partner or of a customer. */
public enum LicenseStatus {
    ACTIVE, SUSPENDED, EXPIRED;

    /** A licence counts only when ACTIVE and not past its expiry (no expiry: open-ended). */
    public static boolean isValid(LicenseStatus status, Instant expiresAt, Instant now) {
        return status == ACTIVE && (expiresAt == null || expiresAt.isAfter(now));
    }

    /**
     * The status as callers should read it: an ACTIVE licence whose expiry has passed is EXPIRED,
     * whatever the stored status still says.
     */
    public static LicenseStatus effective(LicenseStatus status, Instant expiresAt, Instant now) {
        if (status == ACTIVE && expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return status;
    }
}
