package io.mci.regional.synthetic.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.mci.contract.web.Params;
import io.mci.regional.security.Roles;
import io.mci.regional.synthetic.service.SyntheticDataService;
import io.smallrye.mutiny.Uni;

/**
 * Loads deterministic synthetic data (local launcher, whole-system tests, benchmarks). Served only when
 * {@code mci.synthetic.enabled} is true; callable by operators and by the federation identity.
 */
@Path("/regional/v1/admin/synthetic-data")
@RolesAllowed({ Roles.OPERATOR, Roles.FEDERATION })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyntheticDataResource {

    private final SyntheticDataService generator;

    public SyntheticDataResource(SyntheticDataService generator) {
        this.generator = generator;
    }

    @POST
    public Uni<SyntheticDataResponse> generate(SyntheticDataRequest request, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), Set.of());
        return generator.generate(request);
    }
}
