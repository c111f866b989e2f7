package io.mci.regional.investigation.api;

import java.util.List;

/** Answer of the federation query: items in exactly the requested order. */
public record QueryResponse(List<InvestigationItem> items, PositionBody nextAfter, boolean hasMore, Long total) {
}
