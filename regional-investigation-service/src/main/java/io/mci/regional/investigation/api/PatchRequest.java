package io.mci.regional.investigation.api;

import java.util.List;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;

/** Body of {@code PATCH /regional/v1/investigations/{ref}}: omitted or null fields stay unchanged. */
public record PatchRequest(String title, InvestigationStatus status, Priority priority, Disposition disposition,
        AssigneeInput assignee, List<String> tags) {
}
