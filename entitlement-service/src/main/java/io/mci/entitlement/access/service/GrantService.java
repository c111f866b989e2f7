package io.mci.entitlement.access.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.access.repository.GrantRepository;
import io.mci.entitlement.access.repository.GrantRepository.GrantRow;
import io.mci.entitlement.analyst.model.Analyst;
import io.mci.entitlement.audit.model.AuditAction;
import io.mci.entitlement.audit.service.AuditLog;
import io.mci.entitlement.config.EntitlementConfig;
import io.mci.entitlement.security.Actor;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Multi-Customer User Admin: grant or revoke access to many customers for many analysts in one
 * call, all or nothing. Every id must belong to the administrator's own partner, else the call is
 * 404 and nothing changes.
 */
@ApplicationScoped
public class GrantService {

    private final GrantRepository grants;
    private final PartnerScope scope;
    private final AuditLog audit;
    private final EntitlementConfig config;

    public GrantService(GrantRepository grants, PartnerScope scope, AuditLog audit, EntitlementConfig config) {
        this.grants = grants;
        this.scope = scope;
        this.audit = audit;
        this.config = config;
    }

    /** What a bulk grant did. */
    public record GrantResult(AccessRole role, int analysts, int customers, long created, long updated,
            long unchanged) {
    }

    /** What a bulk revoke did. */
    public record RevokeResult(int analysts, int customers, long revoked) {
    }

    @WithTransaction
    public Uni<GrantResult> grant(Actor admin, UUID partnerId, List<UUID> analystIds, List<UUID> customerIds,
            AccessRole role) {
        requireSize(analystIds, customerIds);
        return requireOwn(admin, partnerId, analystIds, customerIds)
                .chain(() -> grants.upsert(analystIds, customerIds, role, admin.subject()))
                .call(changed -> Multi.createFrom().iterable(changed).onItem().transformToUniAndConcatenate(c -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("role", role == null ? null : role.name());
                    details.put("created", c.created());
                    details.put("updated", c.updated());
                    details.put("customer_ids", c.customerIds());
                    return audit.record(admin, partnerId, AuditAction.ACCESS_GRANTED, "analyst", c.analystId(), details);
                }).collect().last())
                .map(changed -> {
                    long created = changed.stream().mapToLong(GrantRepository.Changed::created).sum();
                    long updated = changed.stream().mapToLong(GrantRepository.Changed::updated).sum();
                    long pairs = (long) analystIds.size() * customerIds.size();
                    return new GrantResult(role, analystIds.size(), customerIds.size(), created, updated,
                            pairs - created - updated);
                });
    }

    @WithTransaction
    public Uni<RevokeResult> revoke(Actor admin, UUID partnerId, List<UUID> analystIds, List<UUID> customerIds) {
        requireSize(analystIds, customerIds);
        return requireOwn(admin, partnerId, analystIds, customerIds)
                .chain(() -> grants.delete(analystIds, customerIds))
                .call(removed -> Multi.createFrom().iterable(removed).onItem().transformToUniAndConcatenate(r -> audit
                        .record(admin, partnerId, AuditAction.ACCESS_REVOKED, "analyst", r.analystId(),
                                Map.of("revoked", r.removed(), "customer_ids", r.customerIds())))
                        .collect().last())
                .map(removed -> new RevokeResult(analystIds.size(), customerIds.size(),
                        removed.stream().mapToLong(GrantRepository.Removed::removed).sum()));
    }

    /** One analyst's grants on the partner's customers. */
    @WithSession
    public Uni<List<GrantRow>> grantsOf(String adminSubject, UUID partnerId, UUID analystId) {
        return scope.requireAdmin(adminSubject, partnerId)
                .chain(a -> Analyst.<Analyst>findById(analystId))
                .chain(analyst -> {
                    if (analyst == null || !analyst.partnerId.equals(partnerId)) {
                        throw ApiException.notFound("Analyst not found.");
                    }
                    return grants.grantsOf(analystId, partnerId);
                });
    }

    private Uni<Void> requireOwn(Actor admin, UUID partnerId, List<UUID> analystIds, List<UUID> customerIds) {
        return scope.requireAdmin(admin.subject(), partnerId)
                .chain(a -> grants.countAnalystsOfPartner(partnerId, analystIds))
                .invoke(count -> {
                    if (count != analystIds.size()) {
                        throw ApiException.notFound("One or more analysts are not analysts of this partner.");
                    }
                })
                .chain(() -> grants.countCustomersOfPartner(partnerId, customerIds))
                .invoke(count -> {
                    if (count != customerIds.size()) {
                        throw ApiException.notFound("One or more customers are not customers of this partner.");
                    }
                })
                .replaceWithVoid();
    }

    private void requireSize(List<UUID> analystIds, List<UUID> customerIds) {
        long pairs = (long) analystIds.size() * customerIds.size();
        if (pairs > config.bulk().maxPairs()) {
            throw ApiException.badRequest("One call may touch at most " + config.bulk().maxPairs()
                    + " analyst x customer pairs; this one names " + pairs + ".");
        }
    }
}
