package io.mci.aggregator.comment;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.Page;
import io.mci.aggregator.investigation.service.QueryParsing;
import io.mci.aggregator.security.ApiKeyIdentityProvider;
import io.mci.aggregator.security.Caller;
import io.mci.contract.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** The InsightIDR Comments API v1 for investigation comments. {@code Accept-version} accepted, never required. */
@Path("/idr/v1/comments")
@RolesAllowed(ApiKeyIdentityProvider.ANALYST_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments v1")
public class CommentResource {

    private static final List<String> LIST_PARAMETERS = List.of("target", "index", "size");

    private final CommentService comments;
    private final SecurityIdentity identity;

    public CommentResource(CommentService comments, SecurityIdentity identity) {
        this.comments = comments;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Comments of an investigation (target = its RRN), oldest first")
    public Uni<Page<RegionalWire.Comment>> list(@Context UriInfo uri, @Context RoutingContext ctx) {
        var params = uri.getQueryParameters();
        QueryParsing.requireKnown(params, LIST_PARAMETERS);
        int index = Params.integer("index", QueryParsing.single(params, "index"), 0, 0, Integer.MAX_VALUE / 100);
        int size = Params.integer("size", QueryParsing.single(params, "size"), 20, 1, 100);
        return comments.list(Caller.of(identity, ctx), QueryParsing.single(params, "target"), index, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on an investigation")
    public Uni<RegionalWire.Comment> create(@Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam("If-Match") String ifMatch, CommentBodies.Create body) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return comments.create(Caller.of(identity, ctx), body, ifMatch);
    }

    @GET
    @Path("/{rrn}")
    @Operation(summary = "One comment")
    public Uni<RegionalWire.Comment> get(@PathParam("rrn") String rrn, @Context UriInfo uri, @Context RoutingContext ctx) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return comments.get(Caller.of(identity, ctx), rrn);
    }

    @DELETE
    @Path("/{rrn}")
    @Operation(summary = "Delete a comment")
    public Uni<RestResponse<Void>> delete(@PathParam("rrn") String rrn, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam("If-Match") String ifMatch) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return comments.delete(Caller.of(identity, ctx), rrn, ifMatch).map(v -> RestResponse.noContent());
    }

    @PUT
    @Path("/{rrn}/{visibility}")
    @Operation(summary = "Set a comment's visibility (PUBLIC or INTERNAL, case-insensitive)")
    public Uni<RegionalWire.Comment> visibility(@PathParam("rrn") String rrn, @PathParam("visibility") String visibility,
            @Context UriInfo uri, @Context RoutingContext ctx, @HeaderParam("If-Match") String ifMatch) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return comments.visibility(Caller.of(identity, ctx), rrn, visibility, ifMatch);
    }
}
