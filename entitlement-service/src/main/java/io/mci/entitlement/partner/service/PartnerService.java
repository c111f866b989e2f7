package io.mci.entitlement.partner.service;

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
import io.mci.entitlement.common.Times;
import io.mci.entitlement.customer.model.Customer;
import io.mci.entitlement.partner.model.Partner;
import io.mci.entitlement.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Operator-side management of partners: creation with the primary customer, licence, partner status. */
@ApplicationScoped
public class PartnerService {

    private final AuditLog audit;

    public PartnerService(AuditLog audit) {
        this.audit = audit;
    }

    /** A partner with its primary customer. */
    public record PartnerWithPrimary(Partner partner, Customer primary) {
    }

    @WithTransaction
    public Uni<PartnerWithPrimary> create(Actor actor, PartnerCommands.Create command) {
        UUID partnerId = command.id() != null ? command.id() : UUID.randomUUID();
        UUID primaryId = command.primaryCustomer().id() != null ? command.primaryCustomer().id() : UUID.randomUUID();
        return Partner.<Partner>findById(partnerId).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("ALREADY_EXISTS", "A partner with this id already exists.");
            }
            return Customer.<Customer>findById(primaryId);
        }).chain(existingCustomer -> {
            if (existingCustomer != null) {
                throw ApiException.conflict("ALREADY_EXISTS", "A customer with the primary customer's id already exists.");
            }
            var now = Times.now();
            Customer primary = new Customer();
            primary.id = primaryId;
            primary.name = command.primaryCustomer().name();
            primary.region = command.primaryCustomer().region();
            primary.licenseStatus = command.primaryCustomer().licenseStatus();
            primary.licenseExpiresAt = command.primaryCustomer().licenseExpiresAt();
            primary.createdAt = now;

            Partner partner = new Partner();
            partner.id = partnerId;
            partner.name = command.name();
            partner.licenseProduct = command.license().product();
            partner.licenseStatus = command.license().status();
            partner.licenseExpiresAt = command.license().expiresAt();
            partner.partnerStatusEnabled = command.partnerStatusEnabled();
            partner.primaryCustomerId = primaryId;
            partner.createdAt = now;

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("primary_customer_id", primaryId.toString());
            details.put("license", licenseDetails(partner));
            details.put("partner_status_enabled", partner.partnerStatusEnabled);
            return primary.persistAndFlush()
                    .chain(() -> partner.persistAndFlush())
                    .chain(() -> audit.record(actor, partnerId, AuditAction.PARTNER_CREATED, "partner", partnerId, details))
                    .chain(() -> audit.record(actor, partnerId, AuditAction.CUSTOMER_CREATED, "customer", primaryId,
                            Map.of("region", primary.region, "primary_of_partner_id", partnerId.toString())))
                    .map(v -> new PartnerWithPrimary(partner, primary));
        }).onFailure(Db::isUniqueViolation).transform(
                e -> ApiException.conflict("ALREADY_EXISTS", "A partner or customer with this id already exists."));
    }

    @WithTransaction
    public Uni<PartnerWithPrimary> setLicense(Actor actor, UUID partnerId, PartnerCommands.License license) {
        return require(partnerId).chain(partner -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", licenseDetails(partner));
            partner.licenseProduct = license.product();
            partner.licenseStatus = license.status();
            partner.licenseExpiresAt = license.expiresAt();
            details.put("to", licenseDetails(partner));
            return audit.record(actor, partnerId, AuditAction.PARTNER_LICENSE_CHANGED, "partner", partnerId, details)
                    .chain(() -> withPrimary(partner));
        });
    }

    @WithTransaction
    public Uni<PartnerWithPrimary> setPartnerStatus(Actor actor, UUID partnerId, boolean enabled) {
        return require(partnerId).chain(partner -> {
            Map<String, Object> details = Map.of("from", partner.partnerStatusEnabled, "to", enabled);
            partner.partnerStatusEnabled = enabled;
            return audit.record(actor, partnerId, AuditAction.PARTNER_STATUS_CHANGED, "partner", partnerId, details)
                    .chain(() -> withPrimary(partner));
        });
    }

    @WithSession
    public Uni<PartnerWithPrimary> get(UUID partnerId) {
        return require(partnerId).chain(this::withPrimary);
    }

    @WithSession
    public Uni<List<PartnerWithPrimary>> list() {
        return Partner.<Partner>listAll(Sort.ascending("name", "id")).chain(partners -> {
            List<UUID> primaryIds = partners.stream().map(p -> p.primaryCustomerId).toList();
            return Customer.<Customer>list("id in ?1", primaryIds).map(customers -> {
                Map<UUID, Customer> byId = new HashMap<>();
                customers.forEach(c -> byId.put(c.id, c));
                return partners.stream().map(p -> new PartnerWithPrimary(p, byId.get(p.primaryCustomerId))).toList();
            });
        });
    }

    private Uni<Partner> require(UUID partnerId) {
        return Partner.<Partner>findById(partnerId).map(partner -> {
            if (partner == null) {
                throw ApiException.notFound("Partner not found.");
            }
            return partner;
        });
    }

    private Uni<PartnerWithPrimary> withPrimary(Partner partner) {
        return Customer.<Customer>findById(partner.primaryCustomerId).map(c -> new PartnerWithPrimary(partner, c));
    }

    private static Map<String, Object> licenseDetails(Partner partner) {
        Map<String, Object> license = new LinkedHashMap<>();
        license.put("product", partner.licenseProduct);
        license.put("status", partner.licenseStatus.name());
        license.put("expires_at", Timestamps.format(partner.licenseExpiresAt));
        return license;
    }
}
