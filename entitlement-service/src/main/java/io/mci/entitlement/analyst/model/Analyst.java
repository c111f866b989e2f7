package io.mci.entitlement.analyst.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** An MSSP analyst: an account in the partner's primary customer, identified by its OIDC subject. */
@Entity
@Table(name = "analyst")
public class Analyst extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject", nullable = false, unique = true)
    public String subject;

    @Column(name = "email", nullable = false)
    public String email;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The analyst's own switch for the multi-customer experience; ON by default. */
    @Column(name = "multi_customer_enabled", nullable = false)
    public boolean multiCustomerEnabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Uni<Analyst> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
