package io.mci.regional.investigation.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.mci.contract.error.ApiException;

/** Validation shared by the investigation writes and the query: sizes, blanks, normalisation. */
final class Inputs {

    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 128;
    static final int MAX_TITLE = 1024;
    static final int MAX_FILTER_VALUES = 1000;

    private Inputs() {
    }

    static List<UUID> customers(List<UUID> given, int max) {
        if (given == null || given.isEmpty()) {
            throw ApiException.badRequest("'customer_ids' must name at least one customer.");
        }
        if (given.size() > max) {
            throw ApiException.badRequest("'customer_ids' names " + given.size() + " customers; at most " + max
                    + " are allowed per request.");
        }
        Set<UUID> unique = new LinkedHashSet<>();
        for (UUID id : given) {
            if (id == null) {
                throw ApiException.badRequest("'customer_ids' must not contain null.");
            }
            unique.add(id);
        }
        return new ArrayList<>(unique);
    }

    static String title(String title, boolean required) {
        if (title == null) {
            if (required) {
                throw ApiException.badRequest("'title' is required.");
            }
            return null;
        }
        if (title.isBlank() || title.length() > MAX_TITLE) {
            throw ApiException.badRequest("'title' must have 1 to " + MAX_TITLE + " characters and not be blank.");
        }
        return title;
    }

    /** Unique, trimmed, non-blank tags in the given order; null stays null. */
    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return null;
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String t : tags) {
            if (t == null || t.isBlank() || t.trim().length() > MAX_TAG_LENGTH) {
                throw ApiException.badRequest("Every tag must have 1 to " + MAX_TAG_LENGTH + " characters.");
            }
            unique.add(t.trim());
        }
        if (unique.size() > MAX_TAGS) {
            throw ApiException.badRequest("At most " + MAX_TAGS + " tags are allowed.");
        }
        return new ArrayList<>(unique);
    }

    static String email(String email, String field) {
        if (email == null) {
            return null;
        }
        String e = email.trim();
        if (e.isEmpty() || e.length() > 320 || !e.contains("@")) {
            throw ApiException.badRequest("'" + field + "' must be an email address.");
        }
        return e;
    }

    static String optionalText(String text, String field, int max) {
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > max) {
            throw ApiException.badRequest("'" + field + "' must have 1 to " + max + " characters.");
        }
        return text.trim();
    }

    /** A list filter: null is empty; blanks refused; bounded. */
    static List<String> values(Collection<String> values, String field, boolean lower) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw ApiException.badRequest("'" + field + "' has more than " + MAX_FILTER_VALUES + " values.");
        }
        for (String v : values) {
            if (v == null || v.isBlank() || v.length() > 1024) {
                throw ApiException.badRequest("'" + field + "' must not contain empty values.");
            }
            out.add(lower ? v.trim().toLowerCase(Locale.ROOT) : v.trim());
        }
        return out;
    }
}
