package io.mci.aggregator.federation.client;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * One regional investigation service's {@code /regional/v1} API (docs/internal-api.md). Built per region
 * from configuration by {@link RegionRegistry}; answers come back as {@link Response} so that the wrapper
 * can read statuses, ETags and error bodies.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RegionalApi {

    @POST
    @Path("/regional/v1/investigations/query")
    Uni<Response> query(RegionalWire.QueryRequest body, @BeanParam CallHeaders headers);

    @POST
    @Path("/regional/v1/investigations/counts")
    Uni<Response> counts(RegionalWire.CountsRequest body, @BeanParam CallHeaders headers);

    @GET
    @Path("/regional/v1/investigations/{ref}")
    Uni<Response> get(@PathParam("ref") String ref, @QueryParam("customer_id") String customerId,
            @BeanParam CallHeaders headers);

    @POST
    @Path("/regional/v1/investigations")
    Uni<Response> create(RegionalWire.CreateRequest body, @BeanParam CallHeaders headers);

    @PATCH
    @Path("/regional/v1/investigations/{ref}")
    Uni<Response> patch(@PathParam("ref") String ref, @QueryParam("customer_id") String customerId,
            RegionalWire.PatchRequest body, @BeanParam CallHeaders headers);

    @POST
    @Path("/regional/v1/investigations/bulk-close")
    Uni<Response> bulkClose(RegionalWire.BulkCloseRequest body, @BeanParam CallHeaders headers);

    @GET
    @Path("/regional/v1/investigations/{ref}/alerts")
    Uni<Response> alerts(@PathParam("ref") String ref, @QueryParam("customer_id") String customerId,
            @QueryParam("offset") int offset, @QueryParam("limit") int limit, @BeanParam CallHeaders headers);

    @DELETE
    @Path("/regional/v1/investigations/{ref}/alerts/{alertRrn}")
    Uni<Response> unlinkAlert(@PathParam("ref") String ref, @PathParam("alertRrn") String alertRrn,
            @QueryParam("customer_id") String customerId, @BeanParam CallHeaders headers);

    @GET
    @Path("/regional/v1/comments")
    Uni<Response> comments(@QueryParam("target") String target, @QueryParam("offset") int offset,
            @QueryParam("limit") int limit, @BeanParam CallHeaders headers);

    @POST
    @Path("/regional/v1/comments")
    Uni<Response> createComment(RegionalWire.CreateCommentRequest body, @BeanParam CallHeaders headers);

    @GET
    @Path("/regional/v1/comments/{rrn}")
    Uni<Response> comment(@PathParam("rrn") String rrn, @BeanParam CallHeaders headers);

    @DELETE
    @Path("/regional/v1/comments/{rrn}")
    Uni<Response> deleteComment(@PathParam("rrn") String rrn, @BeanParam CallHeaders headers);

    @PUT
    @Path("/regional/v1/comments/{rrn}/visibility/{visibility}")
    Uni<Response> commentVisibility(@PathParam("rrn") String rrn, @PathParam("visibility") String visibility,
            @BeanParam CallHeaders headers);

    /** The region's own readiness (Quarkus standard path, reachable without a token). */
    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
