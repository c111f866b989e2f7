package io.mci.entitlement.decision.service;

import java.time.Instant;
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

    /**
     * The decision for the subject unless the caller holds one that is still right: {@code ifNoneMatch} is the
     * {@link DecisionTag} of the decision it holds. Still right = the decision generation has not moved and no licence
     * of the analyst's partner or customers has expired since; then the answer has no decision, only the same tag.
     */
    public Uni<Conditional> forSubjectUnlessUnchanged(String subject, String ifNoneMatch) {
        DecisionTag held = DecisionTag.parse(ifNoneMatch);
        Uni<Boolean> unchanged = held == null || !held.clockAllows(Times.now()) ? Uni.createFrom().item(false)
                : repository.generation(subject).map(current -> current != null && current == held.generation());
        return unchanged.chain(same -> {
            if (same) {
                return Uni.createFrom().item(new Conditional(null, held));
            }
            return repository.bySubjectWithGeneration(subject).map(read -> {
                if (read == null) {
                    throw PartnerScope.notRegistered();
                }
                Instant now = Times.now();
                return new Conditional(DecisionRules.decide(read.facts(), now),
                        DecisionTag.of(read.facts(), read.generation(), now));
            });
        });
    }

    /** A decision with its tag, or only the tag when the caller's decision is still right ({@code decision} null). */
    public record Conditional(Decision decision, DecisionTag tag) {

        public boolean unchanged() {
            return decision == null;
        }
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
