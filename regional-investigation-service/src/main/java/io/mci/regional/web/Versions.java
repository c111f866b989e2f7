package io.mci.regional.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mci.contract.error.ApiException;

/** The investigation version on the wire: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern FORM = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by an If-Match header; null when absent or {@code *}; a malformed one is a 400. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher m = FORM.matcher(header.trim());
        if (!m.matches()) {
            throw new ApiException(400, "BAD_IF_MATCH",
                    "If-Match must name one investigation version, for example If-Match: \"3\".");
        }
        return Long.parseLong(m.group(1));
    }
}
