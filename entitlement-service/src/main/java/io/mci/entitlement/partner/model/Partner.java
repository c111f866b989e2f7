package io.mci.entitlement.partner.model;

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

/** An MSSP partner: its InsightIDR licence, its partner-status flag and its one primary customer. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    public static final String DEFAULT_PRODUCT = "InsightIDR";

    @Id
    public UUID id;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "license_product", nullable = false)
    public String licenseProduct;

    @Enumerated(EnumType.STRING)
    @Column(name = "license_status", nullable = false)
    public LicenseStatus licenseStatus;

    @Column(name = "license_expires_at")
    public Instant licenseExpiresAt;

    @Column(name = "partner_status_enabled", nullable = false)
    public boolean partnerStatusEnabled;

    /** The partner's own InsightIDR instance, where analyst accounts live. */
    @Column(name = "primary_customer_id", nullable = false, unique = true)
    public UUID primaryCustomerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
