package io.mci.contract.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.mci.contract.error.ApiException;

/**
 * Query parameters as real clients send them: booleans as {@code True}/{@code true}, comma lists
 * with spaces ({@code LOW, MEDIUM}), and, unlike the original API, unknown names refused.
 */
public final class Params {

    private Params() {
    }

    /** Case-insensitive boolean; null or blank gives the default; anything else is a 400. */
    public static boolean bool(String name, String text, boolean defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Invalid value for '" + name + "': expected true or false.");
        };
    }

    /** Integer within [min, max]; null or blank gives the default; anything else is a 400. */
    public static int integer(String name, String text, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for '" + name + "': expected an integer from " + min
                    + " to " + max + ".");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("Invalid value for '" + name + "': must be from " + min + " to " + max + ".");
        }
        return value;
    }

    /** A trimmed comma list without blanks or duplicates, in the given order. */
    public static List<String> list(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return new ArrayList<>(values);
    }

    /** Refuses any query parameter not in {@code accepted}, naming the accepted ones. */
    public static void requireKnown(Collection<String> given, Collection<String> accepted) {
        for (String name : given) {
            if (!accepted.contains(name)) {
                List<String> sorted = new ArrayList<>(new TreeSet<>(accepted));
                throw new ApiException(400, "UNKNOWN_PARAMETER", "Unknown query parameter '" + name
                        + "'. Accepted parameters: " + String.join(", ", sorted) + ".", sorted);
            }
        }
    }
}
