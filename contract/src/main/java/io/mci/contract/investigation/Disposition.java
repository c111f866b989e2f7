package io.mci.contract.investigation;

/** The verdict of an investigation. */
public enum Disposition {
    UNDECIDED, BENIGN, MALICIOUS, NOT_APPLICABLE;

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static Disposition parse(String text) {
        return WireEnum.parse(Disposition.class, "disposition", text);
    }
}
