package io.mci.regional.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of one regional investigation service. */
@ConfigMapping(prefix = "mci")
public interface RegionalConfig {

    /** The region this instance serves. */
    Region region();

    /** How the customer registry of the entitlement service is cached. */
    Registry registry();

    /** The synthetic-data generator endpoint. */
    Synthetic synthetic();

    /** Limits of the federation query. */
    Query query();

    /** Conditional writes. */
    Write write();

    interface Region {
        /** Region id, e.g. us, eu, ap: the region part of every RRN this service issues and accepts. */
        @WithDefault("us")
        String id();
    }

    interface Registry {
        /** How long a loaded customer list of this region is trusted before it is reloaded. */
        @WithDefault("30s")
        Duration ttl();

        /** A customer missing from a fresh list triggers a reload at most this often; otherwise it is refused. */
        @WithDefault("5s")
        Duration minRefreshInterval();

        /** When the registry is down, a list older than the TTL is still used up to this age; then 503. */
        @WithDefault("10m")
        Duration maxStale();
    }

    interface Synthetic {
        /** Whether POST /regional/v1/admin/synthetic-data is served (false in prod, true in dev and test). */
        @WithDefault("false")
        boolean enabled();

        /** The largest number of investigations one generator call may create. */
        @WithDefault("5000000")
        int maxInvestigations();

        /**
         * From this many investigations on, a load into an empty region drops the secondary indexes, inserts, and
         * builds them again in the same transaction (much faster than growing them row by row).
         */
        @WithDefault("50000")
        int bulkThreshold();
    }

    interface Query {
        /** Most customer ids one query or counts request may name. */
        @WithDefault("10000")
        int maxCustomers();

        /** Largest page size. */
        @WithDefault("1000")
        int maxLimit();

        /** Page size when none is given. */
        @WithDefault("100")
        int defaultLimit();

        /** Largest offset for offset paging (deeper pages use keyset positions). */
        @WithDefault("10000")
        int maxOffset();

        /**
         * Up to this many customers a query is answered by a per-customer top-N merge (LATERAL over the
         * per-customer indexes); above it by one walk of the global sort index filtered by customer.
         */
        @WithDefault("4")
        int perCustomerPlanMaxCustomers();

        /**
         * The same limit when sorting by rrn: rrn order is customer by customer, so the global walk must skip every
         * row of the customers in between, and the per-customer plan pays off for far larger sets.
         */
        @WithDefault("300")
        int rrnPerCustomerPlanMaxCustomers();

        /** The per-customer plan is used only while customers x (offset + limit + 1) stays within this many rows. */
        @WithDefault("40000")
        int perCustomerPlanMaxRows();

        /**
         * How long a computed total (include_total) is reused for the same customers and filters, whatever the sort,
         * position or offset: paging through one result asks for the same total on every page. 0 disables.
         */
        @WithDefault("10s")
        Duration totalCacheTtl();

        /** Most totals kept at once. */
        @WithDefault("2000")
        int totalCacheSize();
    }

    interface Write {
        /** How often a write without If-Match is retried when another write changed the row meanwhile. */
        @WithDefault("8")
        int maxAttempts();
    }
}
