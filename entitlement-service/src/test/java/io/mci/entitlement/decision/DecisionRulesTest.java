package io.mci.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.decision.model.Decision;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.mci.entitlement.decision.model.ExclusionReason;
import io.mci.entitlement.decision.service.DecisionRules;

/** The rules as pure functions: precedence, the primary customer's exemptions, the multi-customer switch. */
class DecisionRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static DecisionFacts.Partner partner(LicenseStatus status, Instant expires, boolean enabled) {
        return new DecisionFacts.Partner(UUID.randomUUID(), "P", "InsightIDR", status, expires, enabled);
    }

    private static DecisionFacts.Customer customer(String name, AssociationState association, LicenseStatus licence,
            Instant expires, boolean grant, AccessRole role) {
        return new DecisionFacts.Customer(UUID.randomUUID(), name, "eu", licence, expires, association, false, grant,
                role);
    }

    private static DecisionFacts.Customer primary(boolean grant, AccessRole role) {
        return new DecisionFacts.Customer(UUID.randomUUID(), "Zeta primary", "us", LicenseStatus.SUSPENDED, null, null,
                true, grant, role);
    }

    private static DecisionFacts.Customer good(String name) {
        return customer(name, AssociationState.APPROVED, LicenseStatus.ACTIVE, null, true, AccessRole.ANALYST);
    }

    @Test
    void entitlesApprovedLicensedGrantedCustomer() {
        assertEquals(List.of(), DecisionRules.reasons(partner(LicenseStatus.ACTIVE, null, true), true, good("a"), NOW));
    }

    @Test
    void listsEveryApplyingReasonInPrecedenceOrder() {
        var c = customer("a", AssociationState.REQUESTED, LicenseStatus.EXPIRED, null, false, null);
        var reasons = DecisionRules.reasons(partner(LicenseStatus.SUSPENDED, null, false), false, c, NOW);
        assertEquals(List.of(ExclusionReason.PARTNER_LICENSE_INACTIVE, ExclusionReason.PARTNER_STATUS_DISABLED,
                ExclusionReason.ASSOCIATION_PENDING_APPROVAL, ExclusionReason.CUSTOMER_LICENSE_INVALID,
                ExclusionReason.NO_ACCESS_GRANT, ExclusionReason.MULTI_CUSTOMER_DISABLED_BY_PREFERENCE), reasons);
    }

    @Test
    void expiredActiveLicencesCountAsInactive() {
        var expiredPartner = partner(LicenseStatus.ACTIVE, NOW.minusSeconds(1), true);
        assertEquals(List.of(ExclusionReason.PARTNER_LICENSE_INACTIVE),
                DecisionRules.reasons(expiredPartner, true, good("a"), NOW));
        var expiredCustomer = customer("a", AssociationState.APPROVED, LicenseStatus.ACTIVE, NOW, true,
                AccessRole.VIEWER);
        assertEquals(List.of(ExclusionReason.CUSTOMER_LICENSE_INVALID),
                DecisionRules.reasons(partner(LicenseStatus.ACTIVE, NOW.plusSeconds(60), true), true, expiredCustomer,
                        NOW));
    }

    @Test
    void partnerLicenceOfAnotherProductIsInactive() {
        var other = new DecisionFacts.Partner(UUID.randomUUID(), "P", "InsightVM", LicenseStatus.ACTIVE, null, true);
        assertFalse(DecisionRules.partnerLicenseActive(other, NOW));
    }

    @Test
    void neverAssociatedAndRevokedAreNotAssociated() {
        var p = partner(LicenseStatus.ACTIVE, null, true);
        for (AssociationState state : List.of(AssociationState.NONE, AssociationState.REVOKED)) {
            var c = customer("a", state, LicenseStatus.ACTIVE, null, true, AccessRole.ANALYST);
            assertEquals(List.of(ExclusionReason.CUSTOMER_NOT_ASSOCIATED), DecisionRules.reasons(p, true, c, NOW));
        }
    }

    @Test
    void grantWithoutRoleIsNoRoleNotNoGrant() {
        var c = customer("a", AssociationState.APPROVED, LicenseStatus.ACTIVE, null, true, null);
        assertEquals(List.of(ExclusionReason.NO_ROLE_IN_CUSTOMER),
                DecisionRules.reasons(partner(LicenseStatus.ACTIVE, null, true), true, c, NOW));
    }

    @Test
    void primaryNeedsOnlyPartnerLicenceAndAGrantWithARole() {
        var disabledPartner = partner(LicenseStatus.ACTIVE, null, false);
        assertEquals(List.of(), DecisionRules.reasons(disabledPartner, false, primary(true, AccessRole.VIEWER), NOW));
        assertEquals(List.of(ExclusionReason.NO_ROLE_IN_CUSTOMER),
                DecisionRules.reasons(disabledPartner, false, primary(true, null), NOW));
        assertEquals(List.of(ExclusionReason.PARTNER_LICENSE_INACTIVE, ExclusionReason.NO_ACCESS_GRANT),
                DecisionRules.reasons(partner(LicenseStatus.EXPIRED, null, true), true, primary(false, null), NOW));
    }

    @Test
    void multiCustomerDeniedReasonIsTheFirstFailingCondition() {
        Decision.MultiCustomer allowed = DecisionRules.multiCustomer(partner(LicenseStatus.ACTIVE, null, true), true, NOW);
        assertTrue(allowed.allowed());
        assertNull(allowed.deniedReason());
        assertEquals(ExclusionReason.PARTNER_LICENSE_INACTIVE,
                DecisionRules.multiCustomer(partner(LicenseStatus.SUSPENDED, null, false), false, NOW).deniedReason());
        assertEquals(ExclusionReason.PARTNER_STATUS_DISABLED,
                DecisionRules.multiCustomer(partner(LicenseStatus.ACTIVE, null, false), false, NOW).deniedReason());
        var byPreference = DecisionRules.multiCustomer(partner(LicenseStatus.ACTIVE, null, true), false, NOW);
        assertFalse(byPreference.allowed());
        assertFalse(byPreference.preferenceEnabled());
        assertEquals(ExclusionReason.MULTI_CUSTOMER_DISABLED_BY_PREFERENCE, byPreference.deniedReason());
    }

    @Test
    void pinsPrimaryFirstThenOrdersByNameCaseInsensitively() {
        var analyst = new DecisionFacts.Analyst(UUID.randomUUID(), "s", "e", "n", UUID.randomUUID(), true);
        var p = partner(LicenseStatus.ACTIVE, null, true);
        var primary = primary(true, AccessRole.ADMINISTRATOR);
        var decision = DecisionRules.decide(new DecisionFacts(analyst, p,
                List.of(good("beta"), good("Alpha"), primary, good("gamma"))), NOW);
        assertEquals(List.of("Zeta primary", "Alpha", "beta", "gamma"),
                decision.entitled().stream().map(e -> e.customer().name()).toList());
        assertEquals(primary, decision.primaryCustomer());
        assertTrue(decision.entitled().get(0).customer().primary());
    }
}
