package io.mci.aggregator.federation.client;

/** A region did not answer within the time it had (its deadline or the write timeout). */
public final class RegionTimeoutException extends RuntimeException {

    public RegionTimeoutException(String region) {
        super("region " + region + " did not answer in time", null, false, false);
    }
}
