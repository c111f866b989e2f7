package io.mci.entitlement.security;

/**
 * Who makes a change, as the audit trail records it.
 *
 * @param subject the OIDC subject of the person acting (for a service acting on behalf of an analyst,
 *                the analyst's subject)
 * @param role    the role under which they act ({@code mci-operator}, {@code mci-partner-admin}, ...)
 * @param via     the service identity that relayed the call, or null when the person called directly
 */
public record Actor(String subject, String role, String via) {

    public static Actor direct(String subject, String role) {
        return new Actor(subject, role, null);
    }
}
