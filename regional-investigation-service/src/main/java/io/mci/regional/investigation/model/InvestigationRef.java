package io.mci.regional.investigation.model;

import java.util.UUID;

/** A resolved reference to one investigation of one customer: the customer and the short id. */
public record InvestigationRef(UUID organizationId, String id) {
}
