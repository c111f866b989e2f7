package io.mci.contract.investigation;

/** How an investigation was generated. */
public enum Source {
    ALERT, MANUAL, HUNT, USER, AUTOMATION;

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static Source parse(String text) {
        return WireEnum.parse(Source.class, "source", text);
    }
}
