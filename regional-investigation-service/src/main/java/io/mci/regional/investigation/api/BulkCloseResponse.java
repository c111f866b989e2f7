package io.mci.regional.investigation.api;

import java.util.List;

/** What a bulk close closed. */
public record BulkCloseResponse(List<String> ids, List<String> rrns, int numClosed) {
}
