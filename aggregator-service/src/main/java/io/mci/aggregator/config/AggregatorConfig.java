package io.mci.aggregator.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of the aggregator that is ours (Quarkus' own keys live in application.properties).
 * Regions are configuration: adding one is a new {@code mci.regions.<id>.url}, not code.
 */
@ConfigMapping(prefix = "mci")
public interface AggregatorConfig {

    /** The regional investigation services by region id (for example {@code us}, {@code eu}, {@code ap}). */
    Map<String, Region> regions();

    /** How the fan-out to the regions behaves. */
    Fanout fanout();

    /** Circuit breaker per region (SmallRye Fault Tolerance). */
    Breaker breaker();

    /** Calls to the entitlement service. */
    Entitlement entitlement();

    /** Offset and cursor paging. */
    Paging paging();

    /** Bulk actions of /mci/v1. */
    Bulk bulk();

    /** X-Api-Key verification. */
    @WithName("api-keys")
    ApiKeys apiKeys();

    interface Region {
        /** Base URL of the region's service, for example http://127.0.0.1:8091. */
        String url();

        /** This region's read deadline, overriding mci.fanout.deadline. */
        Optional<Duration> deadline();
    }

    interface Fanout {
        /** Deadline of every region's part of a read, counted from the arrival of the public request. */
        @WithDefault("PT3S")
        Duration deadline();

        /** Timeout of one regional write (writes are never retried). */
        @WithDefault("PT5S")
        @WithName("write-timeout")
        Duration writeTimeout();

        /** Retries of a failed regional read (5xx or connection failure), within the deadline. */
        @WithDefault("1")
        @WithName("read-retries")
        int readRetries();

        /** Pause before a read retry. */
        @WithDefault("PT0.05S")
        @WithName("retry-delay")
        Duration retryDelay();

        /** The largest page asked of one region in one call (the regional limit is 1..1000). */
        @WithDefault("1000")
        @WithName("max-chunk")
        int maxChunk();
    }

    interface Breaker {
        /** Calls in the rolling window before the failure ratio is evaluated. */
        @WithDefault("10")
        @WithName("request-volume-threshold")
        int requestVolumeThreshold();

        /** Failure ratio in the window that opens the breaker. */
        @WithDefault("0.5")
        @WithName("failure-ratio")
        double failureRatio();

        /** How long an open breaker refuses calls before it lets a probe through (half-open). */
        @WithDefault("PT10S")
        Duration delay();

        /** Successful probes that close a half-open breaker. */
        @WithDefault("1")
        @WithName("success-threshold")
        int successThreshold();
    }

    interface Entitlement {
        /** Timeout of one entitlement call. */
        @WithDefault("PT2S")
        Duration timeout();

        /** Retries of a failed entitlement read (5xx or connection failure). */
        @WithDefault("1")
        @WithName("read-retries")
        int readRetries();

        /**
         * Longest time a decision is reused. It is reused only after the entitlement service confirmed it unchanged
         * (a conditional request answered 304), so this bounds memory, not staleness.
         */
        @WithDefault("PT5M")
        @WithName("decision-cache-ttl")
        Duration decisionCacheTtl();

        /**
         * How many customers the held decisions may name together (a decision weighs the customers of its partner,
         * about 200 bytes each in memory): 200,000 is about 40 MB. When full, expired decisions go first, then all.
         */
        @WithDefault("200000")
        @WithName("decision-cache-max-customers")
        long decisionCacheMaxCustomers();
    }

    interface Paging {
        /** Offset paging reaches at most this many items ((index + 1) * size); beyond it use the cursor. */
        @WithDefault("10000")
        @WithName("max-window")
        int maxWindow();
    }

    interface Bulk {
        /** Most RRNs in one bulk action. */
        @WithDefault("1000")
        @WithName("max-items")
        int maxItems();

        /** Concurrent regional writes per region during one bulk action. */
        @WithDefault("8")
        @WithName("concurrency-per-region")
        int concurrencyPerRegion();
    }

    interface ApiKeys {
        /** How long a verified X-Api-Key is trusted without asking the entitlement service again (memory only). */
        @WithDefault("PT60S")
        @WithName("cache-ttl")
        Duration cacheTtl();

        /** Most verified keys kept in memory. */
        @WithDefault("10000")
        @WithName("cache-max-entries")
        int cacheMaxEntries();
    }
}
