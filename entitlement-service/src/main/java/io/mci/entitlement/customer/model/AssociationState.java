package io.mci.entitlement.customer.model;

/**
 * The association of a customer with a partner. NONE: the customer names the partner but no
 * association was ever requested; REQUESTED by the operator; APPROVED by the customer's
 * administrator; REVOKED.
 */
public enum AssociationState {
    NONE, REQUESTED, APPROVED, REVOKED
}
