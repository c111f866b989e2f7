package io.mci.entitlement.decision.model;

/**
 * Why a customer is not in an analyst's entitled set, in precedence order: the first that applies is
 * the {@code reason}, all that apply are the {@code reasons}.
 */
public enum ExclusionReason {
    PARTNER_LICENSE_INACTIVE("Your partner's InsightIDR licence is not active (suspended, expired or not an InsightIDR licence); "
            + "the platform operator must renew it."),
    PARTNER_STATUS_DISABLED("Partner status is not enabled for your partner, so customers other than the primary "
            + "customer cannot be managed; the platform operator must enable it."),
    CUSTOMER_NOT_ASSOCIATED("This customer is not associated with your partner (never requested or revoked); "
            + "an association must be requested and approved by the customer's administrator."),
    ASSOCIATION_PENDING_APPROVAL("The association with this customer was requested but the customer's administrator "
            + "has not approved it yet."),
    CUSTOMER_LICENSE_INVALID("This customer's InsightIDR licence is not active (suspended or expired)."),
    NO_ACCESS_GRANT("You have no access grant to this customer; a partner administrator can grant it in "
            + "Multi-Customer User Admin."),
    NO_ROLE_IN_CUSTOMER("You have access to this customer but no InsightIDR role in its instance; a partner "
            + "administrator can assign a role in Multi-Customer User Admin."),
    MULTI_CUSTOMER_DISABLED_BY_PREFERENCE("You switched the multi-customer experience off in your preferences; only "
            + "the primary customer is available until you switch it on.");

    private final String detail;

    ExclusionReason(String detail) {
        this.detail = detail;
    }

    /** A human sentence for the analyst: what is wrong and who can fix it. */
    public String detail() {
        return detail;
    }
}
