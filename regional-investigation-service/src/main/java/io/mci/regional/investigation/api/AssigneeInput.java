package io.mci.regional.investigation.api;

/**
 * An assignee in a write: {@code email} (null unassigns in a PATCH), optional display {@code name} and optional
 * {@code id} (the analyst id that the {@code assignee_ids} filter matches; an addition to the v2 shape).
 */
public record AssigneeInput(String email, String name, String id) {
}
