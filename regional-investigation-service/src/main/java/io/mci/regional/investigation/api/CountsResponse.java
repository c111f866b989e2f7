package io.mci.regional.investigation.api;

import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;

/** Non-zero counts per customer x priority x status. */
public record CountsResponse(List<Cell> counts) {

    public record Cell(UUID customerId, Priority priority, InvestigationStatus status, long count) {
    }
}
