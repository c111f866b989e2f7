package io.mci.aggregator.investigation.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import io.mci.aggregator.investigation.service.InvestigationQueryService;
import io.mci.aggregator.investigation.service.InvestigationService;
import io.mci.aggregator.investigation.service.QueryParsing;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.ApiKeyIdentityProvider;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.mci.contract.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The InsightIDR Investigations API v2, wire-compatible, across every entitled customer and region. Thin:
 * parses and checks the input, calls one service method, shapes the answer. {@code Accept-version} is
 * accepted and never required.
 */
@Path("/idr/v2/investigations")
@RolesAllowed(ApiKeyIdentityProvider.ANALYST_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investigations v2")
public class InvestigationResource {

    private static final List<String> SINGLE = List.of("multi-customer");
    private static final List<String> PAGED_SINGLE = List.of("index", "size", "multi-customer");

    private final InvestigationQueryService queries;
    private final InvestigationService investigations;
    private final SecurityIdentity identity;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public InvestigationResource(InvestigationQueryService queries, InvestigationService investigations,
            SecurityIdentity identity, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.queries = queries;
        this.investigations = investigations;
        this.identity = identity;
        this.json = json;
    }

    @GET
    @Operation(summary = "List investigations (multi-customer=true: every entitled customer in every region)")
    public Uni<InvestigationPage> list(@Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer) {
        var params = uri.getQueryParameters();
        QueryParsing.requireKnown(params, QueryParsing.LIST_PARAMETERS);
        QueryParsing.Paging paging = QueryParsing.paging(params);
        return queries.find(Caller.of(identity, ctx), QueryParsing.list(params), paging, customer,
                "v2 GET /idr/v2/investigations");
    }

    @POST
    @Path("/_search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search investigations by criteria")
    public Uni<InvestigationPage> search(@Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, SearchBody body) {
        var params = uri.getQueryParameters();
        QueryParsing.requireKnown(params, QueryParsing.SEARCH_PARAMETERS);
        QueryParsing.Paging paging = QueryParsing.paging(params);
        return queries.find(Caller.of(identity, ctx), QueryParsing.search(body), paging, customer,
                "v2 POST /idr/v2/investigations/_search");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an investigation in the single-customer context")
    public Uni<RestResponse<PublicInvestigation>> create(@Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, WriteBodies.Create body) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return investigations.create(Caller.of(identity, ctx), customer, body).map(InvestigationResource::withEtag);
    }

    @POST
    @Path("/bulk_close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the single-customer context's investigations matching the criteria")
    public Uni<WriteBodies.Closed> bulkClose(@Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, WriteBodies.BulkClose body) {
        QueryParsing.requireKnown(uri.getQueryParameters(), List.of());
        return investigations.bulkClose(Caller.of(identity, ctx), customer, body);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an investigation by short id (single-customer context) or RRN")
    public Uni<RestResponse<PublicInvestigation>> get(@PathParam("id") String id, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam(Access.CUSTOMER_HEADER) String customer) {
        boolean multi = multi(uri, SINGLE);
        return investigations.get(Caller.of(identity, ctx), id, multi, customer).map(InvestigationResource::withEtag);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an investigation; null or omitted fields are unchanged")
    public Uni<RestResponse<PublicInvestigation>> update(@PathParam("id") String id, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam(Access.CUSTOMER_HEADER) String customer,
            @HeaderParam("If-Match") String ifMatch, WriteBodies.Update body) {
        boolean multi = multi(uri, SINGLE);
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        noThreatCommand(body.threatCommandCloseReason(), body.threatCommandFreeText());
        boolean assign = body.assignee() != null;
        InvestigationService.Change change = InvestigationService.normalized(body.title(), body.status(),
                body.priority(), body.disposition(), assign, assign ? body.assignee().email() : null);
        return investigations.update(Caller.of(identity, ctx), id, multi, customer, ifMatch,
                "v2 PATCH /idr/v2/investigations/{id}", change).map(InvestigationResource::withEtag);
    }

    @PUT
    @Path("/{id}/status/{status}")
    @Operation(summary = "Set the status; a disposition in the body is used when closing")
    public Uni<RestResponse<PublicInvestigation>> setStatus(@PathParam("id") String id,
            @PathParam("status") String status, @Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, @HeaderParam("If-Match") String ifMatch,
            String rawBody) throws com.fasterxml.jackson.core.JsonProcessingException {
        boolean multi = multi(uri, SINGLE);
        // The body is optional and clients often send none (and no Content-Type): read it only when present.
        WriteBodies.Status body = rawBody == null || rawBody.isBlank() ? null
                : json.readValue(rawBody, WriteBodies.Status.class);
        String disposition = null;
        if (body != null) {
            noThreatCommand(body.threatCommandCloseReason(), body.threatCommandFreeText());
            disposition = body.disposition();
        }
        InvestigationService.Change parsed = InvestigationService.normalized(null, status, null, disposition, false, null);
        // As in the original, the disposition is only used when the new status is CLOSED.
        InvestigationService.Change change = new InvestigationService.Change(null, parsed.status(), null,
                "CLOSED".equals(parsed.status()) ? parsed.disposition() : null, false, null);
        return investigations.update(Caller.of(identity, ctx), id, multi, customer, ifMatch,
                "v2 PUT /idr/v2/investigations/{id}/status/{status}", change).map(InvestigationResource::withEtag);
    }

    @PUT
    @Path("/{id}/priority/{priority}")
    @Operation(summary = "Set the priority")
    public Uni<RestResponse<PublicInvestigation>> setPriority(@PathParam("id") String id,
            @PathParam("priority") String priority, @Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, @HeaderParam("If-Match") String ifMatch) {
        boolean multi = multi(uri, SINGLE);
        InvestigationService.Change change = InvestigationService.normalized(null, null, priority, null, false, null);
        return investigations.update(Caller.of(identity, ctx), id, multi, customer, ifMatch,
                "v2 PUT /idr/v2/investigations/{id}/priority/{priority}", change).map(InvestigationResource::withEtag);
    }

    @PUT
    @Path("/{id}/disposition/{disposition}")
    @Operation(summary = "Set the disposition")
    public Uni<RestResponse<PublicInvestigation>> setDisposition(@PathParam("id") String id,
            @PathParam("disposition") String disposition, @Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, @HeaderParam("If-Match") String ifMatch) {
        boolean multi = multi(uri, SINGLE);
        InvestigationService.Change change = InvestigationService.normalized(null, null, null, disposition, false, null);
        return investigations.update(Caller.of(identity, ctx), id, multi, customer, ifMatch,
                "v2 PUT /idr/v2/investigations/{id}/disposition/{disposition}", change)
                .map(InvestigationResource::withEtag);
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a user (by email) who can be assigned in the investigation's customer")
    public Uni<RestResponse<PublicInvestigation>> assign(@PathParam("id") String id, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam(Access.CUSTOMER_HEADER) String customer,
            @HeaderParam("If-Match") String ifMatch, WriteBodies.AssignUser body) {
        boolean multi = multi(uri, SINGLE);
        if (body == null || body.userEmailAddress() == null || body.userEmailAddress().isBlank()) {
            throw ApiException.badRequest("'user_email_address' is required.");
        }
        InvestigationService.Change change = InvestigationService.normalized(null, null, null, null, true,
                body.userEmailAddress());
        return investigations.update(Caller.of(identity, ctx), id, multi, customer, ifMatch,
                "v2 PUT /idr/v2/investigations/{id}/assignee", change).map(InvestigationResource::withEtag);
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(summary = "The investigation's alerts, newest first")
    public Uni<Page<RegionalWire.Alert>> alerts(@PathParam("id") String id, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam(Access.CUSTOMER_HEADER) String customer) {
        var params = uri.getQueryParameters();
        QueryParsing.requireKnown(params, PAGED_SINGLE);
        QueryParsing.Paging paging = QueryParsing.paging(params);
        return investigations.alerts(Caller.of(identity, ctx), id, paging.multiCustomer(), customer, paging.index(),
                paging.size());
    }

    @DELETE
    @Path("/{id}/alerts/{alertRrn}")
    @Operation(summary = "Unlink an alert from the investigation")
    public Uni<RestResponse<PublicInvestigation>> unlinkAlert(@PathParam("id") String id,
            @PathParam("alertRrn") String alertRrn, @Context UriInfo uri, @Context RoutingContext ctx,
            @HeaderParam(Access.CUSTOMER_HEADER) String customer, @HeaderParam("If-Match") String ifMatch) {
        boolean multi = multi(uri, SINGLE);
        return investigations.unlinkAlert(Caller.of(identity, ctx), id, alertRrn, multi, customer, ifMatch)
                .map(InvestigationResource::withEtag);
    }

    @GET
    @Path("/{id}/rapid7-product-alerts")
    @Operation(summary = "Rapid7 product alert info: MCI keeps none, so always an empty list for an accessible investigation")
    public Uni<List<Object>> productAlerts(@PathParam("id") String id, @Context UriInfo uri,
            @Context RoutingContext ctx, @HeaderParam(Access.CUSTOMER_HEADER) String customer) {
        boolean multi = multi(uri, SINGLE);
        return investigations.productAlerts(Caller.of(identity, ctx), id, multi, customer);
    }

    private static boolean multi(UriInfo uri, List<String> accepted) {
        var params = uri.getQueryParameters();
        QueryParsing.requireKnown(params, accepted);
        return Params.bool("multi-customer", QueryParsing.single(params, "multi-customer"), false);
    }

    private static void noThreatCommand(String reason, String text) {
        if ((reason != null && !reason.isBlank()) || (text != null && !text.isBlank())) {
            throw new ApiException(400, "UNSUPPORTED_FIELD", "Threat Command close reasons are not supported: "
                    + "MCI has no Threat Command integration. Leave threat_command_close_reason and "
                    + "threat_command_free_text out.");
        }
    }

    static RestResponse<PublicInvestigation> withEtag(InvestigationService.Single single) {
        RestResponse.ResponseBuilder<PublicInvestigation> b = RestResponse.ResponseBuilder.ok(single.investigation());
        if (single.etag() != null) {
            b.header("ETag", single.etag());
        }
        return b.build();
    }
}
