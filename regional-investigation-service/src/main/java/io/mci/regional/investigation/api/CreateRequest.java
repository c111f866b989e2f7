package io.mci.regional.investigation.api;

import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;

/** Body of {@code POST /regional/v1/investigations}. */
public record CreateRequest(UUID organizationId, String title, InvestigationStatus status, Priority priority,
        Disposition disposition, Source source, AssigneeInput assignee, List<String> tags, String responsibility) {
}
