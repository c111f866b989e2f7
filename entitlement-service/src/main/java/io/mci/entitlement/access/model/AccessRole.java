package io.mci.entitlement.access.model;

/** The InsightIDR role an analyst holds inside a customer's instance. */
public enum AccessRole {
    /** Read-only: sees, cannot act. */
    VIEWER,
    /** Reads and writes. */
    ANALYST,
    /** Reads and writes, and administers the instance. */
    ADMINISTRATOR;

    public boolean canWrite() {
        return this != VIEWER;
    }
}
