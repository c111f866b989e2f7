package io.mci.entitlement.security;

/** The realm roles this service checks (in test tokens, the {@code groups} claim). */
public final class Roles {

    /** An MSSP analyst: {@code /me/*}. */
    public static final String ANALYST = "mci-analyst";
    /** A partner's administrator: {@code /partners/{own partner}/*}. */
    public static final String PARTNER_ADMIN = "mci-partner-admin";
    /** A customer's administrator: approves the association of the customers they administer. */
    public static final String CUSTOMER_ADMIN = "mci-customer-admin";
    /** The platform operator: {@code /operator/*}. */
    public static final String OPERATOR = "mci-operator";
    /** Other services (aggregator, regional services): {@code /internal/*}. */
    public static final String SERVICE = "mci-service";

    private Roles() {
    }
}
