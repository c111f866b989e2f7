package io.mci.entitlement.customer.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An administrator of one customer (role {@code mci-customer-admin}): may approve its association. */
@Entity
@Table(name = "customer_admin")
public class CustomerAdmin extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject", nullable = false)
    public String subject;

    @Column(name = "email", nullable = false)
    public String email;

    @Column(name = "name")
    public String name;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
