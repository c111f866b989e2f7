package io.mci.aggregator.federation.merge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.contract.error.ApiException;
import io.mci.contract.time.JsonTimestamps;

/**
 * The opaque keyset cursor of the public list and _search: base64url JSON of the last emitted position in
 * the global order (sort key parts, id, region), the fingerprint of the query it belongs to, how many items
 * came before it (so {@code metadata.index} stays meaningful) and the created-time window resolved on the
 * first page (so "28 days ago .. now" does not move while a client pages).
 *
 * <p>Not signed: a client that edits its cursor only moves its own position; what it may see is decided
 * anew from the entitlement service on every request.
 */
public record Cursor(String fingerprint, SortOrder order, SortKey position, long emitted, Instant from, Instant to) {

    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(JsonTimestamps.module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String encode() {
        Wire wire = new Wire(VERSION, fingerprint, order.field().wire(), order.direction(),
                new Key(position.rank(), position.time(), position.text(), position.id(), position.region()),
                emitted, from, to);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(wire));
        } catch (Exception e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }

    /** Reads a cursor; anything that is not one of ours is a 400. */
    public static Cursor decode(String text) {
        Wire wire;
        try {
            byte[] json = Base64.getUrlDecoder().decode(text.trim());
            wire = JSON.readValue(new String(json, StandardCharsets.UTF_8), Wire.class);
        } catch (Exception e) {
            throw invalid();
        }
        if (wire == null || wire.version() != VERSION || wire.fingerprint() == null || wire.key() == null
                || wire.key().region() == null || wire.key().region().isBlank() || wire.emitted() < 0) {
            throw invalid();
        }
        SortOrder order;
        try {
            order = SortOrder.of(wire.field(), wire.direction());
        } catch (ApiException e) {
            throw invalid();
        }
        Key k = wire.key();
        return new Cursor(wire.fingerprint(), order, new SortKey(k.rank(), k.time(), k.text(), k.id(), k.region()),
                wire.emitted(), wire.from(), wire.to());
    }

    private static ApiException invalid() {
        return new ApiException(400, "INVALID_CURSOR",
                "The cursor is not valid. Use the metadata.next_cursor of a previous page unchanged, or start without one.");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Wire(
            @JsonProperty("v") int version,
            @JsonProperty("q") String fingerprint,
            @JsonProperty("s") String field,
            @JsonProperty("d") String direction,
            @JsonProperty("k") Key key,
            @JsonProperty("n") long emitted,
            @JsonProperty("f") Instant from,
            @JsonProperty("u") Instant to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Key(
            @JsonProperty("r") int rank,
            @JsonProperty("t") Instant time,
            @JsonProperty("x") String text,
            @JsonProperty("i") String id,
            @JsonProperty("g") String region) {
    }
}
