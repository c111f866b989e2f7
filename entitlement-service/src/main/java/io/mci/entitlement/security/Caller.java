package io.mci.entitlement.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mci.contract.error.ApiException;
import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller of the current request, read from the bearer token. */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code sub} claim. */
    public String subject() {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject()
                : identity.getPrincipal().getName();
        if (subject == null || subject.isBlank()) {
            throw new ApiException(401, "UNAUTHENTICATED", "The token names no subject.");
        }
        return subject;
    }

    /** The client (service identity) that obtained the token: {@code azp}, else {@code client_id}, else the subject. */
    public String clientId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            if (azp != null) {
                return azp.toString();
            }
            Object clientId = jwt.getClaim("client_id");
            if (clientId != null) {
                return clientId.toString();
            }
        }
        return subject();
    }

    /** The caller acting in person under {@code role}. */
    public Actor as(String role) {
        return Actor.direct(subject(), role);
    }

    /** A service relaying an analyst's own action (the analyst is identified by subject). */
    public Actor serviceOnBehalfOf(String analystSubject) {
        return new Actor(analystSubject, Roles.ANALYST, clientId());
    }
}
