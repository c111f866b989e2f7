package io.mci.entitlement.customer.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.mci.entitlement.common.LicenseStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A customer (an InsightIDR organization): home region, licence and its association to a partner.
 * A partner's primary customer is a customer too, never associated.
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    /** The organization id. */
    @Id
    public UUID id;

    @Column(name = "name", nullable = false)
    public String name;

    /** Home region: where this customer's investigations are at rest. */
    @Column(name = "region", nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "license_status", nullable = false)
    public LicenseStatus licenseStatus;

    @Column(name = "license_expires_at")
    public Instant licenseExpiresAt;

    /** The partner the association names; null when none. */
    @Column(name = "partner_id")
    public UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "association_state", nullable = false)
    public AssociationState associationState = AssociationState.NONE;

    @Column(name = "association_requested_at")
    public Instant associationRequestedAt;

    @Column(name = "association_approved_at")
    public Instant associationApprovedAt;

    /** Subject of the customer administrator who approved. */
    @Column(name = "association_approved_by")
    public String associationApprovedBy;

    @Column(name = "association_revoked_at")
    public Instant associationRevokedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
