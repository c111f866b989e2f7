package io.mci.entitlement.analyst.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.analyst.model.Analyst;
import io.mci.entitlement.audit.model.AuditAction;
import io.mci.entitlement.audit.service.AuditLog;
import io.mci.entitlement.common.Db;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.partner.model.Partner;
import io.mci.entitlement.security.Actor;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Analysts of a partner: registration, listing, and each analyst's multi-customer preference. */
@ApplicationScoped
public class AnalystService {

    private final AuditLog audit;
    private final PartnerScope scope;

    public AnalystService(AuditLog audit, PartnerScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    /** @param id optional, for deterministic demo data */
    public record Registration(UUID id, String subject, String email, String name) {
    }

    /** A partner administrator registers an analyst of the own partner. */
    @WithTransaction
    public Uni<Analyst> registerByAdmin(Actor admin, UUID partnerId, Registration registration) {
        return scope.requireAdmin(admin.subject(), partnerId).chain(a -> register(admin, partnerId, registration));
    }

    /** The operator registers an analyst of any partner (for instance the partner's first administrator). */
    @WithTransaction
    public Uni<Analyst> registerByOperator(Actor operator, UUID partnerId, Registration registration) {
        return Partner.<Partner>findById(partnerId).chain(partner -> {
            if (partner == null) {
                throw ApiException.notFound("Partner not found.");
            }
            return register(operator, partnerId, registration);
        });
    }

    @WithSession
    public Uni<List<Analyst>> list(String adminSubject, UUID partnerId) {
        return scope.requireAdmin(adminSubject, partnerId)
                .chain(a -> Analyst.<Analyst>list("partnerId", Sort.ascending("email", "id"), partnerId));
    }

    @WithSession
    public Uni<Boolean> preference(String subject) {
        return scope.requireAnalyst(subject).map(a -> a.multiCustomerEnabled);
    }

    /** Sets the analyst's own multi-customer switch; audited only when it changes. */
    @WithTransaction
    public Uni<Boolean> setPreference(Actor actor, String subject, boolean enabled) {
        return scope.requireAnalyst(subject).chain(analyst -> {
            if (analyst.multiCustomerEnabled == enabled) {
                return Uni.createFrom().item(enabled);
            }
            analyst.multiCustomerEnabled = enabled;
            return audit.record(actor, analyst.partnerId, AuditAction.PREFERENCE_CHANGED, "analyst", analyst.id,
                    Map.of("multi_customer_enabled", enabled)).replaceWith(enabled);
        });
    }

    private Uni<Analyst> register(Actor actor, UUID partnerId, Registration registration) {
        UUID id = registration.id() != null ? registration.id() : UUID.randomUUID();
        return Analyst.count("id = :id or subject = :subject or (partnerId = :partner and lower(email) = :email)",
                Parameters.with("id", id).and("subject", registration.subject()).and("partner", partnerId)
                        .and("email", registration.email().toLowerCase(Locale.ROOT)))
                .chain(count -> {
                    if (count > 0) {
                        throw exists();
                    }
                    Analyst analyst = new Analyst();
                    analyst.id = id;
                    analyst.subject = registration.subject();
                    analyst.email = registration.email();
                    analyst.name = registration.name();
                    analyst.partnerId = partnerId;
                    analyst.multiCustomerEnabled = true;
                    analyst.createdAt = Times.now();
                    return analyst.persistAndFlush()
                            .chain(() -> audit.record(actor, partnerId, AuditAction.ANALYST_REGISTERED, "analyst", id,
                                    Map.of("subject", analyst.subject, "email", analyst.email)))
                            .replaceWith(analyst);
                }).onFailure(Db::isUniqueViolation).transform(e -> exists());
    }

    private static ApiException exists() {
        return ApiException.conflict("ANALYST_EXISTS",
                "An analyst with this id or subject, or with this email in the partner, is already registered.");
    }
}
