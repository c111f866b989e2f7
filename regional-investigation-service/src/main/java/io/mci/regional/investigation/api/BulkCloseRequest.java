package io.mci.regional.investigation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.Source;

/** Body of {@code POST /regional/v1/investigations/bulk-close}: the v2 bulk_close criteria per customer set. */
public record BulkCloseRequest(List<UUID> customerIds, Source source, Instant from, Instant to, String alertType,
        String detectionRuleRrn, Disposition disposition, Integer maxInvestigationsToClose) {
}
