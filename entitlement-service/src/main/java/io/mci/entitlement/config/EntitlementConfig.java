package io.mci.entitlement.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the entitlement service ({@code mci.entitlement.*}). */
@ConfigMapping(prefix = "mci.entitlement")
public interface EntitlementConfig {

    /** Home regions a customer may be created in; anything else is refused with the accepted list. */
    @WithDefault("us,us2,us3,eu,ca,au,ap")
    List<String> regions();

    /** Limits of one bulk grant or revoke call. */
    Bulk bulk();

    /** API key policy. */
    ApiKeys apiKeys();

    interface Bulk {
        /** Most analysts one grant/revoke call may name. */
        @WithDefault("1000")
        int maxAnalysts();

        /** Most customers one grant/revoke call may name. */
        @WithDefault("10000")
        int maxCustomers();

        /** Most analyst x customer pairs one grant/revoke call may touch. */
        @WithDefault("200000")
        int maxPairs();
    }

    interface ApiKeys {
        /** Most unrevoked API keys one analyst may hold. */
        @WithDefault("20")
        int maxActivePerAnalyst();

        /** A key's last-used time is rewritten at most this often, so busy keys do not write on every call. */
        @WithDefault("PT1M")
        Duration lastUsedResolution();
    }
}
