package io.mci.aggregator.comment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request bodies of the comments v1 API (CommentCreateRequest). */
public final class CommentBodies {

    private CommentBodies() {
    }

    public record Create(
            @JsonProperty("target") String target,
            @JsonProperty("body") String body,
            @JsonProperty("attachments") List<String> attachments) {
    }
}
