package io.mci.entitlement.apikey.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.mci.entitlement.apikey.api.ApiKeyViews.CreateKeyBody;
import io.mci.entitlement.apikey.api.ApiKeyViews.CreatedKey;
import io.mci.entitlement.apikey.api.ApiKeyViews.KeyList;
import io.mci.entitlement.apikey.api.ApiKeyViews.KeyView;
import io.mci.entitlement.apikey.service.ApiKeyService;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The analyst's own API keys. */
@Path("/entitlement/v1/me/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class MyApiKeyResource {

    private final ApiKeyService keys;
    private final Caller caller;

    public MyApiKeyResource(ApiKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    public Uni<CreatedKey> create(CreateKeyBody body) {
        String name = Input.text("name", Input.body(body).name(), Input.MAX_NAME);
        return keys.create(caller.as(Roles.ANALYST), caller.subject(), name).map(c -> new CreatedKey(c.key().id,
                c.key().name, c.plaintext(), c.key().createdAt, c.key().lastUsedAt, c.key().revokedAt));
    }

    @GET
    public Uni<KeyList> list() {
        return keys.list(caller.subject()).map(list -> new KeyList(list.stream().map(KeyView::of).toList()));
    }

    @DELETE
    @Path("/{key_id}")
    @ResponseStatus(204)
    public Uni<Void> revoke(@PathParam("key_id") String keyId) {
        var id = Input.uuid("key_id", keyId);
        return keys.revoke(caller.as(Roles.ANALYST), caller.subject(), id);
    }
}
