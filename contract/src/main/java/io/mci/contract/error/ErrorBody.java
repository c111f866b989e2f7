package io.mci.contract.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The one error body of every MCI service, wire-compatible with the InsightIDR error response
 * ({@code message}, {@code correlation_id}) plus a few RFC 9457 style fields.
 *
 * @param message       human-readable, safe to show: never a stack trace, SQL or class name
 * @param correlationId identifies the failed request in every service's logs
 * @param status        the HTTP status, repeated for clients that only see the body
 * @param code          a stable machine-readable reason (for example {@code STALE_VERSION}), or null
 * @param accepted      for "unknown parameter / field / value" errors: what would have been accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("message") String message,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("status") Integer status,
        @JsonProperty("code") String code,
        @JsonProperty("accepted") List<String> accepted) {

    public static ErrorBody of(int status, String message, String correlationId) {
        return new ErrorBody(message, correlationId, status, null, null);
    }
}
