package io.mci.regional.actor;

import jakarta.ws.rs.core.HttpHeaders;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.CreatorType;

/**
 * The analyst on whose behalf the aggregator writes (headers of docs/internal-api.md, "Acting analyst").
 *
 * @param id         {@code X-Actor-Id}, required
 * @param email      {@code X-Actor-Email}, required
 * @param name       {@code X-Actor-Name}, else the email: the comment creator name
 * @param type       {@code X-Actor-Type}, USER (default) or ORG_API_KEY
 * @param entryPoint {@code X-Entry-Point}, recorded in the audit row, or null
 */
public record Actor(String id, String email, String name, CreatorType type, String entryPoint) {

    public static final String ID = "X-Actor-Id";
    public static final String EMAIL = "X-Actor-Email";
    public static final String NAME = "X-Actor-Name";
    public static final String TYPE = "X-Actor-Type";
    public static final String ENTRY_POINT = "X-Entry-Point";

    /** Reads the headers of a write; missing or malformed ones are a 400 (and nothing is written). */
    public static Actor from(HttpHeaders headers) {
        String id = trimmed(headers.getHeaderString(ID));
        String email = trimmed(headers.getHeaderString(EMAIL));
        if (id == null || email == null) {
            throw new ApiException(400, "ACTOR_REQUIRED",
                    "Writes must name the acting analyst in the X-Actor-Id and X-Actor-Email headers.");
        }
        if (id.length() > 128 || email.length() > 320 || !email.contains("@")) {
            throw new ApiException(400, "ACTOR_REQUIRED", "X-Actor-Id or X-Actor-Email is malformed.");
        }
        String name = trimmed(headers.getHeaderString(NAME));
        if (name != null && name.length() > 256) {
            throw ApiException.badRequest("X-Actor-Name is longer than 256 characters.");
        }
        String typeText = trimmed(headers.getHeaderString(TYPE));
        CreatorType type = typeText == null ? CreatorType.USER : CreatorType.parse(typeText);
        if (type == CreatorType.SYSTEM) {
            throw ApiException.badRequest("X-Actor-Type must be USER or ORG_API_KEY.",
                    java.util.List.of("USER", "ORG_API_KEY"));
        }
        String entryPoint = trimmed(headers.getHeaderString(ENTRY_POINT));
        if (entryPoint != null && entryPoint.length() > 256) {
            entryPoint = entryPoint.substring(0, 256);
        }
        return new Actor(id, email, name == null ? email : name, type, entryPoint);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() ? null : t;
    }
}
