package io.mci.contract.error;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where a service turns exceptions into responses. Every response has the
 * {@link ErrorBody}; nothing in it names a class, a stack frame or SQL.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e, RoutingContext ctx) {
        return respond(e.status(), e.toBody(CorrelationId.of(ctx)));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, RoutingContext ctx) {
        List<String> accepted = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String field = path(e);
        return respond(400, new ErrorBody("Unknown field '" + field + "'. Accepted fields: "
                + String.join(", ", accepted) + ".", CorrelationId.of(ctx), 400, "UNKNOWN_FIELD", accepted));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, RoutingContext ctx) {
        List<String> accepted = null;
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            accepted = new ArrayList<>();
            for (Object constant : target.getEnumConstants()) {
                accepted.add(((Enum<?>) constant).name());
            }
        }
        String message = "Invalid value for field '" + path(e) + "'"
                + (accepted == null ? "." : ". Accepted values: " + String.join(", ", accepted) + ".");
        return respond(400, new ErrorBody(message, CorrelationId.of(ctx), 400, "INVALID_VALUE", accepted));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, RoutingContext ctx) {
        String field = path(e);
        String message = field.isEmpty() ? "The request body is not of the expected shape."
                : "Field '" + field + "' has the wrong type or is malformed.";
        return respond(400, new ErrorBody(message, CorrelationId.of(ctx), 400, "MALFORMED_BODY", null));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, RoutingContext ctx) {
        // Thrown by our own constructors / deserializers while binding: their cause is the real reason.
        if (e.getCause() instanceof ApiException api) {
            return api(api, ctx);
        }
        String field = path(e);
        String message = field.isEmpty() ? "The request body could not be read."
                : "Field '" + field + "' could not be read.";
        return respond(400, new ErrorBody(message, CorrelationId.of(ctx), 400, "MALFORMED_BODY", null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, RoutingContext ctx) {
        return respond(400, new ErrorBody("The request body is not valid JSON.", CorrelationId.of(ctx), 400,
                "MALFORMED_JSON", null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RoutingContext ctx) {
        return unauthenticated(ctx);
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(RoutingContext ctx) {
        return respond(403, new ErrorBody("You are not allowed to do this.", CorrelationId.of(ctx), 403,
                "FORBIDDEN", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext ctx) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, ctx);
        }
        List<String> accepted = null;
        String message = HttpFailures.messageFor(status);
        if (e instanceof NotAllowedException notAllowed) {
            accepted = notAllowed.getResponse().getAllowedMethods().stream().sorted().collect(Collectors.toList());
            message = "Method not allowed here. Allowed: " + String.join(", ", accepted) + ".";
        } else if (e instanceof NotSupportedException) {
            message = "Unsupported content type: send application/json.";
        }
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message, CorrelationId.of(ctx), status, HttpFailures.codeFor(status), accepted));
        if (e instanceof NotAllowedException notAllowed) {
            builder.allow(notAllowed.getResponse().getAllowedMethods());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext ctx) {
        String id = CorrelationId.of(ctx);
        // The type only: messages of unexpected exceptions may carry data we must not write to logs.
        Log.errorf("Unexpected %s [correlation_id=%s]", e.getClass().getName(), id);
        Log.debug("Unexpected failure", e);
        return respond(500, new ErrorBody("An unexpected error occurred. Quote the correlation id when reporting it.",
                id, 500, "INTERNAL", null));
    }

    static Response unauthenticated(RoutingContext ctx) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(HttpFailures.messageFor(401), CorrelationId.of(ctx), 401, "UNAUTHENTICATED", null))
                .build();
    }

    static Response respond(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
