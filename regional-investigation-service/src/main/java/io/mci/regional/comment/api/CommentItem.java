package io.mci.regional.comment.api;

import java.time.Instant;
import java.util.List;

import io.mci.contract.investigation.CommentVisibility;
import io.mci.contract.investigation.CreatorType;
import io.mci.regional.comment.repository.CommentRepository.Comment;

/** A comment as the v1 comments API shows it; attachments are {@code {"rrn"}} objects. */
public record CommentItem(String rrn, String target, Creator creator, String body, CommentVisibility visibility,
        Instant createdTime, List<Attachment> attachments) {

    public record Creator(CreatorType type, String name) {
    }

    public record Attachment(String rrn) {
    }

    public static CommentItem of(Comment c) {
        return new CommentItem(c.rrn(), c.target(), new Creator(c.creatorType(), c.creatorName()), c.body(),
                c.visibility(), c.createdTime(), c.attachments().stream().map(Attachment::new).toList());
    }
}
