package io.mci.regional.investigation.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.mci.contract.error.ApiException;
import io.mci.contract.web.Params;
import io.mci.regional.actor.Actor;
import io.mci.regional.alert.api.AlertItem;
import io.mci.regional.alert.service.AlertService;
import io.mci.regional.audit.api.AuditItem;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.service.InvestigationService;
import io.mci.regional.investigation.service.QueryService;
import io.mci.regional.investigation.service.References;
import io.mci.regional.security.Roles;
import io.mci.regional.web.PageBody;
import io.mci.regional.web.Paging;
import io.mci.regional.web.Versions;
import io.smallrye.mutiny.Uni;

/** The investigation part of the internal federation API (docs/internal-api.md, "Regional investigation service"). */
@Path("/regional/v1/investigations")
@RolesAllowed(Roles.FEDERATION)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvestigationResource {

    private static final Set<String> NONE = Set.of();
    private static final Set<String> CUSTOMER = Set.of("customer_id");
    private static final Set<String> PAGED = Set.of("customer_id", "offset", "limit");

    private final QueryService queries;
    private final InvestigationService investigations;
    private final AlertService alerts;
    private final References references;

    public InvestigationResource(QueryService queries, InvestigationService investigations, AlertService alerts,
            References references) {
        this.queries = queries;
        this.investigations = investigations;
        this.alerts = alerts;
        this.references = references;
    }

    @POST
    @Path("/query")
    public Uni<QueryResponse> query(QueryRequest request, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        return queries.query(request);
    }

    @POST
    @Path("/counts")
    public Uni<CountsResponse> counts(CountsRequest request, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        return queries.counts(request);
    }

    @GET
    @Path("/{ref}")
    public Uni<RestResponse<InvestigationItem>> get(@PathParam("ref") String ref, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), CUSTOMER);
        return references.investigation(ref, uri.getQueryParameters().getFirst("customer_id"))
                .chain(investigations::get).map(i -> withEtag(RestResponse.ResponseBuilder.ok(InvestigationItem.of(i)), i));
    }

    @POST
    public Uni<RestResponse<InvestigationItem>> create(CreateRequest request, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        Actor actor = Actor.from(headers);
        return investigations.create(request, actor)
                .map(i -> withEtag(RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, InvestigationItem.of(i)), i));
    }

    @PATCH
    @Path("/{ref}")
    public Uni<RestResponse<InvestigationItem>> patch(@PathParam("ref") String ref, PatchRequest request,
            @HeaderParam(Versions.IF_MATCH) String ifMatch, @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), CUSTOMER);
        Actor actor = Actor.from(headers);
        Long version = Versions.ifMatch(ifMatch);
        if (request == null) {
            throw ApiException.badRequest("A JSON body is required.");
        }
        return references.investigation(ref, uri.getQueryParameters().getFirst("customer_id"))
                .chain(r -> investigations.patch(r, request, version, actor))
                .map(i -> withEtag(RestResponse.ResponseBuilder.ok(InvestigationItem.of(i)), i));
    }

    @POST
    @Path("/bulk-close")
    public Uni<BulkCloseResponse> bulkClose(BulkCloseRequest request, @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), NONE);
        Actor actor = Actor.from(headers);
        return investigations.bulkClose(request, actor);
    }

    @GET
    @Path("/{ref}/alerts")
    public Uni<PageBody<AlertItem>> alerts(@PathParam("ref") String ref, @Context UriInfo uri) {
        Paging paging = Paging.of(uri, PAGED);
        return references.investigation(ref, uri.getQueryParameters().getFirst("customer_id"))
                .chain(r -> alerts.list(r, paging.offset(), paging.limit()));
    }

    @DELETE
    @Path("/{ref}/alerts/{alertRrn}")
    public Uni<RestResponse<InvestigationItem>> unlinkAlert(@PathParam("ref") String ref,
            @PathParam("alertRrn") String alertRrn, @HeaderParam(Versions.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), CUSTOMER);
        Actor actor = Actor.from(headers);
        Long version = Versions.ifMatch(ifMatch);
        var alert = references.alertRrn(alertRrn);
        return references.investigation(ref, uri.getQueryParameters().getFirst("customer_id"))
                .chain(r -> alerts.unlink(r, alert, alertRrn.trim(), version, actor))
                .map(i -> withEtag(RestResponse.ResponseBuilder.ok(InvestigationItem.of(i)), i));
    }

    @GET
    @Path("/{ref}/audit")
    public Uni<PageBody<AuditItem>> audit(@PathParam("ref") String ref, @Context UriInfo uri) {
        Paging paging = Paging.of(uri, PAGED);
        return references.investigation(ref, uri.getQueryParameters().getFirst("customer_id"))
                .chain(r -> investigations.audit(r, paging.offset(), paging.limit()))
                .map(page -> new PageBody<>(page.items().stream().map(AuditItem::of).toList(), page.total()));
    }

    private static <T> RestResponse<T> withEtag(RestResponse.ResponseBuilder<T> builder, Investigation i) {
        return builder.header("ETag", Versions.etag(i.version())).build();
    }

}
