package io.mci.entitlement.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.mci.contract.error.ApiException;

/** Validation of request input: every failure is a 400 with a message that names the field. */
public final class Input {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static final int MAX_NAME = 200;
    public static final int MAX_SUBJECT = 255;
    public static final int MAX_EMAIL = 320;

    private Input() {
    }

    /** The body itself must be there. */
    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON request body is required.");
        }
        return body;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.badRequest("Field '" + field + "' is required.");
        }
        return value;
    }

    /** A required string, trimmed, 1..max characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Field '" + field + "' is required and must not be blank.");
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ApiException.badRequest("Field '" + field + "' must be at most " + max + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("Field '" + field + "' must not contain control characters.");
        }
        return trimmed;
    }

    /** An optional string: null or blank stays null, otherwise as {@link #text}. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    public static String email(String field, String value) {
        String email = text(field, value, MAX_EMAIL);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("Field '" + field + "' must be an email address.");
        }
        return email;
    }

    /** A UUID from a path or query parameter; anything else is a 400. */
    public static UUID uuid(String name, String text) {
        if (text == null || !UUID_FORM.matcher(text.trim()).matches()) {
            throw ApiException.badRequest("Invalid '" + name + "': expected a UUID.");
        }
        return UUID.fromString(text.trim());
    }

    /** A required list of ids, 1..max entries, duplicates removed, order kept. */
    public static List<UUID> ids(String field, Collection<UUID> values, int max) {
        if (values == null || values.isEmpty()) {
            throw ApiException.badRequest("Field '" + field + "' must list at least one id.");
        }
        Set<UUID> unique = new LinkedHashSet<>();
        for (UUID id : values) {
            if (id == null) {
                throw ApiException.badRequest("Field '" + field + "' must not contain null.");
            }
            unique.add(id);
        }
        if (unique.size() > max) {
            throw ApiException.badRequest("Field '" + field + "' may list at most " + max + " ids.");
        }
        return new ArrayList<>(unique);
    }
}
