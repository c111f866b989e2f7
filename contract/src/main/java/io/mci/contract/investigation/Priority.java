package io.mci.contract.investigation;

/**
 * The priority of an investigation. Declared from lowest to highest, so {@link #rank()} orders them:
 * sorting by priority DESC puts CRITICAL first.
 */
public enum Priority {
    UNSPECIFIED, LOW, MEDIUM, HIGH, CRITICAL;

    /** 0 for UNSPECIFIED up to 4 for CRITICAL: the value stored and indexed for sorting. */
    public int rank() {
        return ordinal();
    }

    public static Priority ofRank(int rank) {
        return values()[rank];
    }

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static Priority parse(String text) {
        return WireEnum.parse(Priority.class, "priority", text);
    }
}
