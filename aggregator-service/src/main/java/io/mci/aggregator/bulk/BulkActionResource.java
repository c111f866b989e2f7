package io.mci.aggregator.bulk;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.mci.aggregator.investigation.service.QueryParsing;
import io.mci.aggregator.security.ApiKeyIdentityProvider;
import io.mci.aggregator.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /mci/v1/bulk-actions}: one change on up to 1,000 investigations across customers and regions. */
@Path("/mci/v1/bulk-actions")
@RolesAllowed(ApiKeyIdentityProvider.ANALYST_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MCI v1")
public class BulkActionResource {

    private final BulkActionService bulk;
    private final SecurityIdentity identity;

    public BulkActionResource(BulkActionService bulk, SecurityIdentity identity) {
        this.bulk = bulk;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply a status, priority, disposition or assignee change to many investigations; "
            + "one result per RRN (ok, not_found, forbidden, conflict, region_unavailable)")
    public Uni<BulkBodies.Result> apply(@Context UriInfo uri, @Context RoutingContext ctx, BulkBodies.Request body) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return bulk.apply(Caller.of(identity, ctx), body);
    }
}
