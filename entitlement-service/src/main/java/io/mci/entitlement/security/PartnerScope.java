package io.mci.entitlement.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.analyst.model.Analyst;
import io.smallrye.mutiny.Uni;

/**
 * Who acts for which partner. A partner administrator acts only within the partner of the analyst
 * row whose subject is the token's subject; another partner's ids answer 404 as if they did not
 * exist. Call inside a session ({@code @WithSession} / {@code @WithTransaction}).
 */
@ApplicationScoped
public class PartnerScope {

    public static ApiException notRegistered() {
        return ApiException.forbidden("ANALYST_NOT_REGISTERED",
                "Your account is not registered as an analyst of any partner.");
    }

    public static ApiException partnerNotFound() {
        return ApiException.notFound("Partner not found.");
    }

    /** The analyst row of this subject, or 403 ANALYST_NOT_REGISTERED. */
    public Uni<Analyst> requireAnalyst(String subject) {
        return Analyst.findBySubject(subject).map(analyst -> {
            if (analyst == null) {
                throw notRegistered();
            }
            return analyst;
        });
    }

    /** The administrator's own analyst row when {@code partnerId} is their partner; else 404. */
    public Uni<Analyst> requireAdmin(String subject, UUID partnerId) {
        return requireAnalyst(subject).map(admin -> {
            if (!admin.partnerId.equals(partnerId)) {
                throw partnerNotFound();
            }
            return admin;
        });
    }
}
