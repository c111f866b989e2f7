package io.mci.contract.error;

import java.util.Collection;
import java.util.List;

/**
 * A failure the caller can act on: carries the HTTP status, a safe message, an optional reason
 * code and, for unknown names or values, the accepted alternatives. Thrown by resources and
 * services alike; {@link ErrorMappers} turns it into an {@link ErrorBody}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> accepted;

    public ApiException(int status, String code, String message, Collection<String> accepted) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.accepted = accepted == null ? null : List.copyOf(accepted);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException badRequest(String message, Collection<String> accepted) {
        return new ApiException(400, "BAD_REQUEST", message, accepted);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException preconditionFailed(String message) {
        return new ApiException(412, "STALE_VERSION", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> accepted() {
        return accepted;
    }

    public ErrorBody toBody(String correlationId) {
        return new ErrorBody(getMessage(), correlationId, status, code, accepted);
    }
}
