package io.mci.entitlement.audit.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.contract.web.Params;
import io.mci.entitlement.audit.service.AuditLog;
import io.mci.entitlement.common.Input;
import io.mci.entitlement.common.Page;
import io.mci.entitlement.security.Caller;
import io.mci.entitlement.security.Roles;
import io.smallrye.mutiny.Uni;

/** The partner's audit trail, for its administrators: {@code GET /partners/{id}/audit?index&size}. */
@Path("/entitlement/v1/partners/{partner_id}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class AuditResource {

    private static final List<String> PARAMS = List.of("index", "size");

    private final AuditLog audit;
    private final Caller caller;
    private final ObjectMapper json;

    public AuditResource(AuditLog audit, Caller caller, ObjectMapper json) {
        this.audit = audit;
        this.caller = caller;
        this.json = json;
    }

    @GET
    public Uni<Page<AuditEventView>> page(@PathParam("partner_id") String partnerId, @QueryParam("index") String index,
            @QueryParam("size") String size, @Context UriInfo uri) {
        Params.requireKnown(uri.getQueryParameters().keySet(), PARAMS);
        int pageIndex = Params.integer("index", index, 0, 0, 1_000_000);
        int pageSize = Params.integer("size", size, 20, 1, 100);
        return audit.page(caller.subject(), Input.uuid("partner_id", partnerId), pageIndex, pageSize)
                .map(page -> new Page<>(page.data().stream().map(e -> AuditEventView.of(e, json)).toList(),
                        page.metadata()));
    }
}
