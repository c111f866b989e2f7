package io.mci.regional.synthetic.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /regional/v1/admin/synthetic-data}. */
public record SyntheticDataRequest(Long seed, List<UUID> customerIds, Integer investigations, Instant anchor,
        Integer alertsPerInvestigation, Integer commentsPerInvestigation) {
}
