package io.mci.entitlement.apikey.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A user API key for integrations. Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    /** The key id, also the middle part of the key text. */
    @Id
    public UUID id;

    @Column(name = "analyst_id", nullable = false)
    public UUID analystId;

    /** The owner's label for the key, e.g. the integration that uses it. */
    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "secret_sha256", nullable = false)
    public byte[] secretSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
