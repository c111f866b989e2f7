package io.mci.regional.security;

/** Realm roles this service checks (docs/internal-api.md, "Roles"). */
public final class Roles {

    /** The aggregator's service identity: every /regional/v1 endpoint. */
    public static final String FEDERATION = "mci-federation";
    /** A platform operator: may also load synthetic data. */
    public static final String OPERATOR = "mci-operator";

    private Roles() {
    }
}
