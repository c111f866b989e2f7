package io.mci.regional.comment.api;

import java.util.List;
import java.util.Set;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.CommentVisibility;
import io.mci.contract.web.Params;
import io.mci.regional.actor.Actor;
import io.mci.regional.comment.service.CommentService;
import io.mci.regional.investigation.service.References;
import io.mci.regional.security.Roles;
import io.mci.regional.web.PageBody;
import io.mci.regional.web.Paging;
import io.mci.regional.web.Versions;
import io.smallrye.mutiny.Uni;

/**
 * Comments of investigations (the v1 comments API, internal form). Writes answer with the investigation's new
 * version in {@code ETag}, so a caller can chain conditional writes.
 */
@Path("/regional/v1/comments")
@RolesAllowed(Roles.FEDERATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentResource {

    private static final Set<String> NONE = Set.of();
    private static final Set<String> LIST = Set.of("target", "offset", "limit");

    private final CommentService comments;
    private final References references;

    public CommentResource(CommentService comments, References references) {
        this.comments = comments;
        this.references = references;
    }

    @GET
    public Uni<PageBody<CommentItem>> list(@Context UriInfo uri) {
        Paging paging = Paging.of(uri, LIST);
        return references.investigationRrn(uri.getQueryParameters().getFirst("target"), "target")
                .chain(target -> comments.list(target, paging.offset(), paging.limit()))
                .map(page -> new PageBody<>(page.items().stream().map(CommentItem::of).toList(), page.total()));
    }

    @POST
    public Uni<RestResponse<CommentItem>> create(CommentCreateRequest request, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        Actor actor = Actor.from(headers);
        Long version = Versions.ifMatch(ifMatch);
        if (request == null) {
            throw ApiException.badRequest("A JSON body is required.");
        }
        List<String> attachments = CommentService.validate(request.body(), request.attachments());
        return references.investigationRrn(request.target(), "target")
                .chain(target -> comments.create(target, request.body(), attachments, request.visibility(), version, actor))
                .map(w -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, CommentItem.of(w.comment()))
                        .header("ETag", Versions.etag(w.version())).build());
    }

    @GET
    @Path("/{rrn}")
    public Uni<CommentItem> get(@PathParam("rrn") String rrn, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        return references.commentRrn(rrn).chain(comments::get).map(CommentItem::of);
    }

    @DELETE
    @Path("/{rrn}")
    public Uni<RestResponse<Void>> delete(@PathParam("rrn") String rrn, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        Actor actor = Actor.from(headers);
        Long version = Versions.ifMatch(ifMatch);
        return references.commentRrn(rrn).chain(ref -> comments.delete(ref, version, actor))
                .map(w -> RestResponse.ResponseBuilder.<Void>noContent().header("ETag", Versions.etag(w.version())).build());
    }

    @PUT
    @Path("/{rrn}/visibility/{visibility}")
    public Uni<RestResponse<CommentItem>> visibility(@PathParam("rrn") String rrn, @PathParam("visibility") String visibility,
            @HeaderParam(Versions.IF_MATCH) String ifMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        Actor actor = Actor.from(headers);
        Long version = Versions.ifMatch(ifMatch);
        CommentVisibility wanted = CommentVisibility.parse(visibility);
        return references.commentRrn(rrn).chain(ref -> comments.setVisibility(ref, wanted, version, actor))
                .map(w -> RestResponse.ResponseBuilder.ok(CommentItem.of(w.comment()))
                        .header("ETag", Versions.etag(w.version())).build());
    }
}
