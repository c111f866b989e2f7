package io.mci.entitlement.apikey.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.mci.entitlement.apikey.api.ApiKeyViews.Analyst;
import io.mci.entitlement.apikey.api.ApiKeyViews.VerifiedKey;
import io.mci.entitlement.apikey.api.ApiKeyViews.VerifyBody;
import io.mci.entitlement.apikey.service.ApiKeyService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** API key verification for the aggregator: key -> analyst. */
@Path("/entitlement/v1/internal/api-keys/verify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class ApiKeyVerifyResource {

    private final ApiKeyService keys;

    public ApiKeyVerifyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    public Uni<VerifiedKey> verify(VerifyBody body) {
        String key = Input.required("key", Input.body(body).key());
        return keys.verify(key).map(v -> new VerifiedKey(v.keyId(), new Analyst(v.analyst().id, v.analyst().subject,
                v.analyst().email, v.analyst().name, v.analyst().partnerId)));
    }
}
