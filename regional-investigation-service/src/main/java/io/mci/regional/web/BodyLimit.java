package io.mci.regional.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.mci.contract.error.ApiException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared length exceeds {@code quarkus.http.limits.max-body-size} with the error body.
 * Quarkus' own limit check answers 413 with an empty body; this route runs just before it (order -3) and fails
 * the request instead, so that {@code contract}'s failure handler writes the one error body.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                ctx.fail(ApiException.badRequest("Content-Length is not a number."));
                return;
            }
            if (length > limit) {
                ctx.response().putHeader("Connection", "close");
                ctx.fail(new ApiException(413, "PAYLOAD_TOO_LARGE",
                        "The request body is too large: at most " + limit + " bytes are accepted."));
                return;
            }
        }
        ctx.next();
    }
}
