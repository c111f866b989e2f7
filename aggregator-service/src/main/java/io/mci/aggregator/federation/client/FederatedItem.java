package io.mci.aggregator.federation.client;

import io.mci.aggregator.federation.merge.SortKey;

/** An investigation with the region it came from and its place in the global order. */
public record FederatedItem(String region, SortKey key, RegionalWire.Investigation item) {
}
