package io.mci.entitlement.audit.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.entitlement.audit.model.AuditAction;
import io.mci.entitlement.audit.model.AuditEvent;
import io.mci.entitlement.common.Page;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.security.Actor;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The audit trail. {@link #record} must run inside the transaction of the change it records, so a
 * change and its audit row are committed (or rolled back) together.
 */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper json;
    private final PartnerScope scope;

    public AuditLog(ObjectMapper json, PartnerScope scope) {
        this.json = json;
        this.scope = scope;
    }

    public Uni<Void> record(Actor actor, UUID partnerId, AuditAction action, String targetType, Object targetId,
            Map<String, ?> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Times.now();
        event.partnerId = partnerId;
        event.actorSubject = actor.subject();
        event.actorRole = actor.role();
        event.via = actor.via();
        event.action = action.name();
        event.targetType = targetType;
        event.targetId = String.valueOf(targetId);
        try {
            event.details = json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details are not serializable", e);
        }
        return event.persist().replaceWithVoid();
    }

    /** A page of the partner's audit trail, newest first, for that partner's administrator. */
    @WithSession
    public Uni<Page<AuditEvent>> page(String adminSubject, UUID partnerId, int index, int size) {
        return scope.requireAdmin(adminSubject, partnerId)
                .chain(admin -> AuditEvent.<AuditEvent>find("partnerId", Sort.descending("id"), partnerId)
                        .page(index, size).list()
                        .chain(items -> AuditEvent.count("partnerId", partnerId)
                                .map(total -> Page.of(List.copyOf(items), index, size, total))));
    }
}
