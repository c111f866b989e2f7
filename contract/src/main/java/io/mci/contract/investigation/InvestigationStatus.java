package io.mci.contract.investigation;

/** The status of an investigation. */
public enum InvestigationStatus {
    OPEN, INVESTIGATING, WAITING, CLOSED;

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static InvestigationStatus parse(String text) {
        return WireEnum.parse(InvestigationStatus.class, "investigation status", text);
    }
}
