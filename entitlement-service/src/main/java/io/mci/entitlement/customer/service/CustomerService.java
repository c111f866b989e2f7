package io.mci.entitlement.customer.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.time.Timestamps;
import io.mci.entitlement.audit.model.AuditAction;
import io.mci.entitlement.audit.service.AuditLog;
import io.mci.entitlement.common.Db;
import io.mci.entitlement.common.Page;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.customer.model.Customer;
import io.mci.entitlement.customer.model.CustomerAdmin;
import io.mci.entitlement.partner.model.Partner;
import io.mci.entitlement.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Customers: creation, licence, and the association lifecycle NONE -> REQUESTED (operator) ->
 * APPROVED (the customer's administrator) -> REVOKED (operator).
 */
@ApplicationScoped
public class CustomerService {

    private final AuditLog audit;

    public CustomerService(AuditLog audit) {
        this.audit = audit;
    }

    /** A customer and, when it is one, the partner whose primary customer it is. */
    public record CustomerState(Customer customer, UUID primaryOfPartnerId) {
    }

    @WithTransaction
    public Uni<CustomerState> create(Actor actor, CustomerCommands.Create command) {
        UUID id = command.id() != null ? command.id() : UUID.randomUUID();
        Uni<Void> partnerExists = command.partnerId() == null ? Uni.createFrom().voidItem()
                : requirePartner(command.partnerId()).replaceWithVoid();
        return partnerExists.chain(() -> Customer.<Customer>findById(id)).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("ALREADY_EXISTS", "A customer with this id already exists.");
            }
            Customer customer = new Customer();
            customer.id = id;
            customer.name = command.name();
            customer.region = command.region();
            customer.licenseStatus = command.license().status();
            customer.licenseExpiresAt = command.license().expiresAt();
            customer.partnerId = command.partnerId();
            customer.associationState = AssociationState.NONE;
            customer.createdAt = Times.now();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("region", customer.region);
            details.put("license", licenseDetails(customer));
            details.put("partner_id", customer.partnerId == null ? null : customer.partnerId.toString());
            return customer.persistAndFlush()
                    .chain(() -> audit.record(actor, customer.partnerId, AuditAction.CUSTOMER_CREATED, "customer", id,
                            details))
                    .map(v -> new CustomerState(customer, null));
        }).onFailure(Db::isUniqueViolation)
                .transform(e -> ApiException.conflict("ALREADY_EXISTS", "A customer with this id already exists."));
    }

    @WithTransaction
    public Uni<CustomerState> setLicense(Actor actor, UUID customerId, CustomerCommands.License license) {
        return requireState(customerId).chain(state -> {
            Customer customer = state.customer();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", licenseDetails(customer));
            customer.licenseStatus = license.status();
            customer.licenseExpiresAt = license.expiresAt();
            details.put("to", licenseDetails(customer));
            UUID partnerId = state.primaryOfPartnerId() != null ? state.primaryOfPartnerId() : customer.partnerId;
            return audit.record(actor, partnerId, AuditAction.CUSTOMER_LICENSE_CHANGED, "customer", customerId, details)
                    .replaceWith(state);
        });
    }

    /** The operator requests the association of a customer with a partner. */
    @WithTransaction
    public Uni<CustomerState> requestAssociation(Actor actor, UUID customerId, UUID partnerId) {
        return requireState(customerId).chain(state -> requirePartner(partnerId).chain(partner -> {
            Customer customer = state.customer();
            if (state.primaryOfPartnerId() != null) {
                throw ApiException.conflict("PRIMARY_CUSTOMER",
                        "A partner's primary customer cannot be associated with a partner.");
            }
            AssociationState current = customer.associationState;
            boolean active = current == AssociationState.REQUESTED || current == AssociationState.APPROVED;
            if (active && partnerId.equals(customer.partnerId) && current == AssociationState.REQUESTED) {
                return Uni.createFrom().item(state); // already requested: nothing changes
            }
            if (active) {
                throw ApiException.conflict("ASSOCIATION_EXISTS", "The customer already has an association in state "
                        + current + "; revoke it first.");
            }
            UUID previousPartner = customer.partnerId;
            customer.partnerId = partnerId;
            customer.associationState = AssociationState.REQUESTED;
            customer.associationRequestedAt = Times.now();
            customer.associationApprovedAt = null;
            customer.associationApprovedBy = null;
            customer.associationRevokedAt = null;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("partner_id", partnerId.toString());
            details.put("from_state", current.name());
            details.put("previous_partner_id", previousPartner == null ? null : previousPartner.toString());
            return audit.record(actor, partnerId, AuditAction.ASSOCIATION_REQUESTED, "customer", customerId, details)
                    .replaceWith(state);
        }));
    }

    /** The operator revokes a requested or approved association. */
    @WithTransaction
    public Uni<CustomerState> revokeAssociation(Actor actor, UUID customerId) {
        return requireState(customerId).chain(state -> {
            Customer customer = state.customer();
            AssociationState current = customer.associationState;
            if (current != AssociationState.REQUESTED && current != AssociationState.APPROVED) {
                throw ApiException.conflict("ASSOCIATION_NOT_ACTIVE",
                        "The customer has no requested or approved association to revoke.");
            }
            customer.associationState = AssociationState.REVOKED;
            customer.associationRevokedAt = Times.now();
            Map<String, Object> details = Map.of("partner_id", customer.partnerId.toString(), "from_state",
                    current.name());
            return audit.record(actor, customer.partnerId, AuditAction.ASSOCIATION_REVOKED, "customer", customerId,
                    details).replaceWith(state);
        });
    }

    /** The customer's administrator approves the requested association. */
    @WithTransaction
    public Uni<AssociationView> approveAssociation(Actor actor, UUID customerId) {
        return requireAdministered(actor.subject(), customerId).chain(customer -> {
            if (customer.associationState != AssociationState.REQUESTED) {
                throw ApiException.conflict("ASSOCIATION_NOT_PENDING", "There is no association awaiting approval; "
                        + "its state is " + customer.associationState + ".");
            }
            customer.associationState = AssociationState.APPROVED;
            customer.associationApprovedAt = Times.now();
            customer.associationApprovedBy = actor.subject();
            return audit.record(actor, customer.partnerId, AuditAction.ASSOCIATION_APPROVED, "customer", customerId,
                    Map.of("partner_id", customer.partnerId.toString()))
                    .chain(() -> associationView(customer));
        });
    }

    /** The association of a customer, for its administrator. */
    @WithSession
    public Uni<AssociationView> association(String adminSubject, UUID customerId) {
        return requireAdministered(adminSubject, customerId).chain(this::associationView);
    }

    @WithTransaction
    public Uni<CustomerAdmin> registerAdmin(Actor actor, UUID customerId, CustomerCommands.RegisterAdmin command) {
        return requireState(customerId).chain(state -> CustomerAdmin
                .count("subject = :s and customerId = :c", Parameters.with("s", command.subject()).and("c", customerId))
                .chain(count -> {
                    if (count > 0) {
                        throw ApiException.conflict("ALREADY_EXISTS",
                                "This subject is already an administrator of this customer.");
                    }
                    CustomerAdmin admin = new CustomerAdmin();
                    admin.id = UUID.randomUUID();
                    admin.subject = command.subject();
                    admin.email = command.email();
                    admin.name = command.name();
                    admin.customerId = customerId;
                    admin.createdAt = Times.now();
                    UUID partnerId = state.primaryOfPartnerId() != null ? state.primaryOfPartnerId()
                            : state.customer().partnerId;
                    return admin.persistAndFlush()
                            .chain(() -> audit.record(actor, partnerId, AuditAction.CUSTOMER_ADMIN_REGISTERED,
                                    "customer_admin", admin.id, Map.of("customer_id", customerId.toString(),
                                            "subject", admin.subject)))
                            .replaceWith(admin);
                })).onFailure(Db::isUniqueViolation).transform(e -> ApiException.conflict("ALREADY_EXISTS",
                        "This subject is already an administrator of this customer."));
    }

    @WithSession
    public Uni<CustomerState> get(UUID customerId) {
        return requireState(customerId);
    }

    /** Customers for the operator, optionally of one partner (its primary and associated ones) or one region. */
    @WithSession
    public Uni<Page<CustomerState>> list(UUID partnerId, String region, int index, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partnerId != null) {
            where.append(" and (partnerId = :partner or id = (select p.primaryCustomerId from Partner p where p.id = :partner))");
            params.and("partner", partnerId);
        }
        if (region != null) {
            where.append(" and region = :region");
            params.and("region", region);
        }
        var query = Customer.<Customer>find(where.toString(), Sort.ascending("name", "id"), params);
        return query.page(index, size).list().chain(customers -> query.count().chain(total -> primaryOf(customers)
                .map(primaryOf -> Page.of(customers.stream()
                        .map(c -> new CustomerState(c, primaryOf.get(c.id))).toList(), index, size, total))));
    }

    /** The association as its customer's administrator sees it. */
    public record AssociationView(UUID customerId, String customerName, UUID partnerId, String partnerName,
            AssociationState state, Instant requestedAt, Instant approvedAt,
            Instant revokedAt) {
    }

    private Uni<AssociationView> associationView(Customer c) {
        Uni<Partner> partner = c.partnerId == null ? Uni.createFrom().nullItem() : Partner.findById(c.partnerId);
        return partner.map(p -> new AssociationView(c.id, c.name, c.partnerId, p == null ? null : p.name,
                c.associationState, c.associationRequestedAt, c.associationApprovedAt, c.associationRevokedAt));
    }

    /** The customer when this subject administers it; 404 otherwise (no hint whether it exists). */
    private Uni<Customer> requireAdministered(String subject, UUID customerId) {
        return CustomerAdmin.count("subject = :s and customerId = :c",
                Parameters.with("s", subject).and("c", customerId)).chain(count -> {
                    if (count == 0) {
                        throw ApiException.notFound("Customer not found.");
                    }
                    return Customer.<Customer>findById(customerId);
                }).map(customer -> {
                    if (customer == null) {
                        throw ApiException.notFound("Customer not found.");
                    }
                    return customer;
                });
    }

    private Uni<CustomerState> requireState(UUID customerId) {
        return Customer.<Customer>findById(customerId).chain(customer -> {
            if (customer == null) {
                throw ApiException.notFound("Customer not found.");
            }
            return Partner.<Partner>find("primaryCustomerId", customerId).firstResult()
                    .map(p -> new CustomerState(customer, p == null ? null : p.id));
        });
    }

    private Uni<Partner> requirePartner(UUID partnerId) {
        return Partner.<Partner>findById(partnerId).map(p -> {
            if (p == null) {
                throw ApiException.notFound("Partner not found.");
            }
            return p;
        });
    }

    private Uni<Map<UUID, UUID>> primaryOf(List<Customer> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Partner.<Partner>list("primaryCustomerId in ?1", customers.stream().map(c -> c.id).toList())
                .map(partners -> {
                    Map<UUID, UUID> map = new HashMap<>();
                    partners.forEach(p -> map.put(p.primaryCustomerId, p.id));
                    return map;
                });
    }

    private static Map<String, Object> licenseDetails(Customer customer) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("status", customer.licenseStatus.name());
        license.put("expires_at", Timestamps.format(customer.licenseExpiresAt));
        return license;
    }
}
