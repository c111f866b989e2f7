package io.mci.contract.investigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mci.contract.error.ApiException;

/** Lenient, case-insensitive parsing of wire enums, with a 400 naming the accepted values. */
public final class WireEnum {

    private WireEnum() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        List<String> accepted = names(type);
        throw ApiException.badRequest("Invalid " + what + " '" + text + "'. Accepted values: "
                + String.join(", ", accepted) + ".", accepted);
    }

    /** Parses a comma list such as {@code "LOW, MEDIUM,high"}; null or blank gives an empty set. */
    public static <E extends Enum<E>> Set<E> parseList(Class<E> type, String what, String commaList) {
        Set<E> result = EnumSet.noneOf(type);
        if (commaList == null || commaList.isBlank()) {
            return result;
        }
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                result.add(parse(type, what, part));
            }
        }
        return result;
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> names.add(c.name()));
        return names;
    }
}
