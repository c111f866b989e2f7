package io.mci.entitlement.decision.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.analyst.model.Analyst;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.decision.model.Decision;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.mci.entitlement.decision.repository.DecisionRepository;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Answers "what may this analyst see, and why not the rest?" from one query. */
@ApplicationScoped
public class DecisionService {

    private final DecisionRepository repository;
    private final PartnerScope scope;

    public DecisionService(DecisionRepository repository, PartnerScope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /** The decision for the analyst with this OIDC subject; 403 ANALYST_NOT_REGISTERED when there is none. */
    public Uni<Decision> forSubject(String subject) {
        return repository.bySubject(subject).map(facts -> {
            if (facts == null) {
                throw PartnerScope.notRegistered();
            }
            return DecisionRules.decide(facts, Times.now());
        });
    }

    /** The facts of the analyst with this subject (for the Customer Table); 403 when unregistered. */
    public Uni<DecisionFacts> factsForSubject(String subject) {
        return repository.bySubject(subject).map(facts -> {
            if (facts == null) {
                throw PartnerScope.notRegistered();
            }
            return facts;
        });
    }

    /** A partner administrator looks at one of the partner's analysts: "why can't they see ...?". */
    @WithSession
    public Uni<Decision> forAnalystOfPartner(String adminSubject, UUID partnerId, UUID analystId) {
        return scope.requireAdmin(adminSubject, partnerId)
                .chain(admin -> Analyst.<Analyst>findById(analystId))
                .chain(analyst -> {
                    if (analyst == null || !analyst.partnerId.equals(partnerId)) {
                        throw ApiException.notFound("Analyst not found.");
                    }
                    return repository.byAnalystId(analystId);
                })
                .map(facts -> {
                    if (facts == null) {
                        throw ApiException.notFound("Analyst not found.");
                    }
                    return DecisionRules.decide(facts, Times.now());
                });
    }
}
