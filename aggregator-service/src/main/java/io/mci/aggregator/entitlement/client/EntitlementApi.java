package io.mci.aggregator.entitlement.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The entitlement service's internal API (docs/internal-api.md), called with the aggregator's own
 * client-credentials token; the analyst is named by subject in the path.
 */
@RegisterRestClient(configKey = "entitlement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EntitlementApi {

    String AUTH = "Authorization";
    String CORRELATION = "X-Correlation-Id";

    /** The decision; with {@code If-None-Match} set to the ETag of a decision held, 304 while it is still right. */
    @GET
    @Path("/entitlement/v1/internal/analysts/{subject}/decision")
    Uni<Response> decision(@PathParam("subject") String subject, @HeaderParam(AUTH) String auth,
            @HeaderParam(CORRELATION) String correlationId, @HeaderParam("If-None-Match") String ifNoneMatch);

    @GET
    @Path("/entitlement/v1/internal/analysts/{subject}/preferences")
    Uni<Response> preferences(@PathParam("subject") String subject, @HeaderParam(AUTH) String auth,
            @HeaderParam(CORRELATION) String correlationId);

    @PUT
    @Path("/entitlement/v1/internal/analysts/{subject}/preferences")
    Uni<Response> putPreferences(@PathParam("subject") String subject, EntitlementWire.Preferences body,
            @HeaderParam(AUTH) String auth, @HeaderParam(CORRELATION) String correlationId);

    @GET
    @Path("/entitlement/v1/internal/analysts/{subject}/customer-table")
    Uni<Response> customerTable(@PathParam("subject") String subject, @HeaderParam(AUTH) String auth,
            @HeaderParam(CORRELATION) String correlationId);

    @GET
    @Path("/entitlement/v1/internal/analysts/{subject}/customers/{customerId}/assignable-users")
    Uni<Response> assignableUsers(@PathParam("subject") String subject, @PathParam("customerId") String customerId,
            @HeaderParam(AUTH) String auth, @HeaderParam(CORRELATION) String correlationId);

    @POST
    @Path("/entitlement/v1/internal/api-keys/verify")
    Uni<Response> verifyKey(EntitlementWire.VerifyKeyRequest body, @HeaderParam(AUTH) String auth,
            @HeaderParam(CORRELATION) String correlationId);

    /** The service's own readiness (Quarkus standard path, reachable without a token). */
    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();
}
