package io.mci.regional.audit.api;

import java.time.Instant;
import java.util.List;

import io.mci.regional.audit.repository.AuditRepository.AuditEvent;
import io.mci.regional.investigation.model.FieldChange;

/** One audit row on the wire. */
public record AuditItem(long id, Instant occurredAt, String investigationRrn, String actorId, String actorEmail,
        String action, String entryPoint, List<Change> changes) {

    public record Change(String field, String from, String to) {
    }

    public static AuditItem of(AuditEvent e) {
        return new AuditItem(e.id(), e.occurredAt(), e.investigationRrn(), e.actorId(), e.actorEmail(), e.action(),
                e.entryPoint(), e.changes().stream().map(AuditItem::change).toList());
    }

    private static Change change(FieldChange c) {
        return new Change(c.field(), c.from(), c.to());
    }
}
