package io.mci.regional.investigation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /regional/v1/investigations/counts}. */
public record CountsRequest(List<UUID> customerIds, Instant createdFrom, Instant createdTo) {
}
