package io.mci.regional.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.Priority;
import io.mci.contract.rrn.ShortIds;

/** An investigation row a test arranges directly in the database. */
public record TestInvestigation(String id, UUID organizationId, String title, String source, String status,
        Priority priority, String disposition, String assigneeId, String assigneeEmail, Instant createdTime,
        Instant latestAlertTime, Instant detectionTime, List<String> tags) {

    public String rrn() {
        return "rrn:investigation:us:" + organizationId + ":investigation:" + id;
    }

    public static TestInvestigation of(UUID org, Priority priority, Instant created) {
        return new TestInvestigation(ShortIds.next(), org, "Investigation", "ALERT", "OPEN", priority, "UNDECIDED", null,
                null, created, null, null, null);
    }

    public TestInvestigation title(String t) {
        return new TestInvestigation(id, organizationId, t, source, status, priority, disposition, assigneeId,
                assigneeEmail, createdTime, latestAlertTime, detectionTime, tags);
    }

    public TestInvestigation source(String s) {
        return new TestInvestigation(id, organizationId, title, s, status, priority, disposition, assigneeId,
                assigneeEmail, createdTime, latestAlertTime, detectionTime, tags);
    }

    public TestInvestigation status(String s) {
        return new TestInvestigation(id, organizationId, title, source, s, priority, disposition, assigneeId,
                assigneeEmail, createdTime, latestAlertTime, detectionTime, tags);
    }

    public TestInvestigation disposition(String d) {
        return new TestInvestigation(id, organizationId, title, source, status, priority, d, assigneeId,
                assigneeEmail, createdTime, latestAlertTime, detectionTime, tags);
    }

    public TestInvestigation assignee(String anId, String email) {
        return new TestInvestigation(id, organizationId, title, source, status, priority, disposition, anId, email,
                createdTime, latestAlertTime, detectionTime, tags);
    }

    public TestInvestigation alertTimes(Instant latest, Instant detection) {
        return new TestInvestigation(id, organizationId, title, source, status, priority, disposition, assigneeId,
                assigneeEmail, createdTime, latest, detection, tags);
    }

    public TestInvestigation tags(List<String> t) {
        return new TestInvestigation(id, organizationId, title, source, status, priority, disposition, assigneeId,
                assigneeEmail, createdTime, latestAlertTime, detectionTime, t);
    }
}
