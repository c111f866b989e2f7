package io.mci.contract.investigation;

/** Who or what created a comment. */
public enum CreatorType {
    USER, ORG_API_KEY, SYSTEM;

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static CreatorType parse(String text) {
        return WireEnum.parse(CreatorType.class, "creator type", text);
    }
}
