package io.mci.aggregator.federation.client;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one region's part of a request went, as {@code metadata.regions[].status} reports it. */
public enum RegionStatus {
    OK("ok"), TIMEOUT("timeout"), ERROR("error"), CIRCUIT_OPEN("circuit_open");

    private final String wire;

    RegionStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
