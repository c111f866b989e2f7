package io.mci.contract.error;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Every request has a correlation id: the caller's {@code X-Correlation-Id} when it is a sane
 * token, else a new UUID. It is echoed in the response header, put in every error body, and
 * forwarded by services that call other services.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "mci.correlation-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Returns the id of this request, assigning one on first use. */
    public static String of(RoutingContext ctx) {
        if (ctx == null) {
            return UUID.randomUUID().toString();
        }
        String id = ctx.get(KEY);
        if (id == null) {
            String given = ctx.request().getHeader(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
        }
        return id;
    }

    /** JAX-RS filters that assign the id early and echo it on every response. */
    public static final class Filters {

        @ServerRequestFilter(preMatching = true)
        public void assign(RoutingContext ctx) {
            of(ctx);
        }

        @ServerResponseFilter
        public void echo(ContainerResponseContext response, RoutingContext ctx) {
            response.getHeaders().putSingle(HEADER, of(ctx));
        }
    }

    private CorrelationId() {
    }
}
