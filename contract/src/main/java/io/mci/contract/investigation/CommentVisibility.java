package io.mci.contract.investigation;

/** Who can view a comment. */
public enum CommentVisibility {
    PUBLIC, INTERNAL;

    /** Case-insensitive parse; unknown values are a 400 naming the accepted ones. */
    public static CommentVisibility parse(String text) {
        return WireEnum.parse(CommentVisibility.class, "comment visibility", text);
    }
}
