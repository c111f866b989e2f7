package io.mci.contract.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures that happen before a request reaches JAX-RS (proactive authentication, HTTP permission
 * checks, body too large, no route) get the same {@link ErrorBody} as everything else.
 */
@ApplicationScoped
public class HttpFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        int status;
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (failure instanceof ApiException api) {
            status = api.status();
        } else {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        }
        String id = CorrelationId.of(ctx);
        if (status >= 500) {
            Log.errorf("Unexpected %s before routing [correlation_id=%s]",
                    failure == null ? "status " + status : failure.getClass().getName(), id);
        }
        ErrorBody body = failure instanceof ApiException api ? api.toBody(id)
                : new ErrorBody(messageFor(status), id, status, codeFor(status), null);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader(CorrelationId.HEADER, id)
                .end(Json.encode(body));
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required: send a valid bearer token or API key.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed here.";
            case 406 -> "Not acceptable: this API answers application/json.";
            case 409 -> "The request conflicts with the current state.";
            case 412 -> "The resource has changed since the version you named.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "Unsupported content type: send application/json.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is unavailable; try again later.";
            default -> status >= 500 ? "An unexpected error occurred. Quote the correlation id when reporting it."
                    : "The request cannot be served.";
        };
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 412 -> "STALE_VERSION";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    }
}
