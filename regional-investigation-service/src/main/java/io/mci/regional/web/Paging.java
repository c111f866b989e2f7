package io.mci.regional.web;

import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import io.mci.contract.web.Params;

/** Offset paging of the small lists (alerts, comments, audit): {@code offset} 0..10000, {@code limit} 1..1000. */
public record Paging(int offset, int limit) {

    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_LIMIT = 1_000;
    public static final int DEFAULT_LIMIT = 100;

    /** Parses offset and limit and refuses any query parameter not in {@code accepted}. */
    public static Paging of(UriInfo uri, Set<String> accepted) {
        Params.requireKnown(uri.getQueryParameters().keySet(), accepted);
        int offset = Params.integer("offset", uri.getQueryParameters().getFirst("offset"), 0, 0, MAX_OFFSET);
        int limit = Params.integer("limit", uri.getQueryParameters().getFirst("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new Paging(offset, limit);
    }
}
