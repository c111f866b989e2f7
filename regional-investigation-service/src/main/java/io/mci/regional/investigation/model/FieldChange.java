package io.mci.regional.investigation.model;

/** One changed field of an audit row: its name and its value before and after, as wire text (null = none). */
public record FieldChange(String field, String from, String to) {
}
