package io.mci.regional.comment.api;

import java.util.List;

import io.mci.contract.investigation.CommentVisibility;

/** Body of {@code POST /regional/v1/comments}. */
public record CommentCreateRequest(String target, String body, List<String> attachments, CommentVisibility visibility) {
}
