package io.mci.entitlement.audit.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.entitlement.audit.model.AuditEvent;

/** One audit event on the wire. */
public record AuditEventView(long id, Instant occurredAt, Actor actor, String action, String targetType,
        String targetId, JsonNode details) {

    public record Actor(String subject, String role, String via) {
    }

    static AuditEventView of(AuditEvent e, ObjectMapper json) {
        JsonNode details;
        try {
            details = json.readTree(e.details);
        } catch (Exception ex) {
            details = json.createObjectNode();
        }
        return new AuditEventView(e.id, e.occurredAt, new Actor(e.actorSubject, e.actorRole, e.via), e.action,
                e.targetType, e.targetId, details);
    }
}
