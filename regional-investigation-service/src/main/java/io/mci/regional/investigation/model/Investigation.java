package io.mci.regional.investigation.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;

/** One investigation row, as stored (timestamps at millisecond precision). */
public record Investigation(
        String id,
        String rrn,
        UUID organizationId,
        String title,
        Source source,
        InvestigationStatus status,
        Priority priority,
        Disposition disposition,
        String assigneeId,
        String assigneeEmail,
        String assigneeName,
        Instant createdTime,
        Instant lastAccessed,
        Instant firstAlertTime,
        Instant latestAlertTime,
        Instant detectionAlertTime,
        List<String> tags,
        String responsibility,
        long version) {

    public Investigation withVersion(long newVersion, Instant accessed) {
        return new Investigation(id, rrn, organizationId, title, source, status, priority, disposition, assigneeId,
                assigneeEmail, assigneeName, createdTime, accessed, firstAlertTime, latestAlertTime, detectionAlertTime,
                tags, responsibility, newVersion);
    }
}
