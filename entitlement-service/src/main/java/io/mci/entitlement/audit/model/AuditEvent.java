package io.mci.entitlement.audit.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One recorded change: who, when, what. Written in the same transaction as the change. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The partner whose administrators may read this event; null for events of no partner. */
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    /** The service that relayed the call, if any. */
    @Column(name = "via")
    public String via;

    @Column(name = "action", nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    /** What changed, as a JSON object (ids, roles, states; never secrets). */
    @Column(name = "details", nullable = false)
    public String details;
}
