package io.mci.aggregator.federation.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The analyst on whose behalf the aggregator calls a region ({@code X-Actor-*}), the correlation id to
 * forward and where the write came from ({@code X-Entry-Point}).
 */
public record Actor(String id, String email, String name, String type, String correlationId, String entryPoint) {

    public Actor withEntryPoint(String entryPoint) {
        return new Actor(id, email, name, type, correlationId, entryPoint);
    }

    public CallHeaders callHeaders(String authorization, String ifMatch) {
        CallHeaders h = new CallHeaders();
        h.authorization = authorization;
        h.correlationId = correlationId;
        h.actorId = id;
        h.actorEmail = email;
        h.actorName = headerSafe(name);
        h.actorType = type;
        h.entryPoint = entryPoint;
        h.ifMatch = ifMatch;
        return h;
    }

    /**
     * HTTP header values are ASCII: a display name with other characters is sent percent-encoded (UTF-8)
     * rather than mangled. Control characters never reach a header.
     */
    static String headerSafe(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return value;
    }
}
