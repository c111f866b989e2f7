package io.mci.aggregator.federation.client;

/**
 * A region could not serve a call: it timed out, failed (5xx, no connection, unreadable answer), its circuit
 * breaker is open, or it is not configured here. Carries the status that metadata and bulk results report.
 */
public final class RegionUnavailableException extends RuntimeException {

    private final String region;
    private final RegionStatus status;

    public RegionUnavailableException(String region, RegionStatus status) {
        super("region " + region + " unavailable: " + status.wire(), null, false, false);
        this.region = region;
        this.status = status;
    }

    public String region() {
        return region;
    }

    public RegionStatus status() {
        return status;
    }
}
