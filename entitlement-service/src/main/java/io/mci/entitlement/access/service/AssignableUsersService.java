package io.mci.entitlement.access.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.access.repository.GrantRepository;
import io.mci.entitlement.access.repository.GrantRepository.AssignableRow;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.decision.service.DecisionRules;
import io.mci.entitlement.decision.service.DecisionService;
import io.mci.entitlement.security.PartnerScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Who can be assigned investigations in a customer: the partner's analysts holding ANALYST or
 * ADMINISTRATOR there, whose grant is effective, i.e. the customer passes the partner-licence,
 * partner-status, association and customer-licence rules. (An analyst's own multi-customer
 * preference does not make the grant ineffective: it only switches their view.)
 */
@ApplicationScoped
public class AssignableUsersService {

    private final GrantRepository grants;
    private final PartnerScope scope;
    private final DecisionService decisions;

    public AssignableUsersService(GrantRepository grants, PartnerScope scope, DecisionService decisions) {
        this.grants = grants;
        this.scope = scope;
        this.decisions = decisions;
    }

    /** For a partner administrator: any customer of the own partner; others are 404. */
    @WithSession
    public Uni<List<AssignableRow>> forAdmin(String adminSubject, UUID partnerId, UUID customerId) {
        return scope.requireAdmin(adminSubject, partnerId)
                .chain(admin -> grants.customerOfPartner(partnerId, customerId))
                .chain(found -> {
                    if (found == null) {
                        throw ApiException.notFound("Customer not found.");
                    }
                    if (!DecisionRules.customerReasons(found.partner(), found.customer(), Times.now()).isEmpty()) {
                        return Uni.createFrom().item(List.<AssignableRow>of());
                    }
                    return grants.assignable(customerId, partnerId);
                });
    }

    /** For the aggregator on behalf of an analyst: 404 unless that analyst is entitled to the customer. */
    public Uni<List<AssignableRow>> onBehalfOf(String subject, UUID customerId) {
        return decisions.forSubject(subject).chain(decision -> {
            if (decision.entitledTo(customerId) == null) {
                throw new ApiException(404, "NOT_ENTITLED", "You are not entitled to this customer.");
            }
            return grants.assignable(customerId, decision.analyst().partnerId());
        });
    }
}
