package io.mci.regional.investigation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;
import io.mci.regional.investigation.model.Investigation;

/** The investigation item every read returns (docs/internal-api.md). Null fields are sent as null. */
public record InvestigationItem(
        String rrn,
        String id,
        UUID organizationId,
        String title,
        Source source,
        InvestigationStatus status,
        Priority priority,
        Disposition disposition,
        Assignee assignee,
        Instant createdTime,
        Instant lastAccessed,
        Instant firstAlertTime,
        Instant latestAlertTime,
        Instant alertsMostRecentDetectionCreatedTime,
        List<String> tags,
        String responsibility,
        long version) {

    /** The assignee as the v2 API shows it. */
    public record Assignee(String name, String email) {
    }

    public static InvestigationItem of(Investigation i) {
        Assignee assignee = i.assigneeEmail() == null ? null : new Assignee(i.assigneeName(), i.assigneeEmail());
        return new InvestigationItem(i.rrn(), i.id(), i.organizationId(), i.title(), i.source(), i.status(), i.priority(),
                i.disposition(), assignee, i.createdTime(), i.lastAccessed(), i.firstAlertTime(), i.latestAlertTime(),
                i.detectionAlertTime(), i.tags(), i.responsibility(), i.version());
    }
}
