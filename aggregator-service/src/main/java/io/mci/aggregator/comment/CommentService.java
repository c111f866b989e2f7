package io.mci.aggregator.comment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.federation.client.Actor;
import io.mci.aggregator.federation.client.RegionalClient;
import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.Page;
import io.mci.aggregator.investigation.service.SingleTarget;
import io.mci.aggregator.investigation.service.SingleTarget.Target;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.CommentVisibility;
import io.smallrye.mutiny.Uni;

/**
 * Comments v1 on investigations: every comment lives in its investigation's home region; the analyst must be
 * entitled to the investigation's customer (404 otherwise, as for a missing one) and may write only with
 * ANALYST or ADMINISTRATOR there.
 */
@ApplicationScoped
public class CommentService {

    private final Access access;
    private final SingleTarget targets;
    private final RegionalClient regions;

    public CommentService(Access access, SingleTarget targets, RegionalClient regions) {
        this.access = access;
        this.targets = targets;
        this.regions = regions;
    }

    public Uni<Page<RegionalWire.Comment>> list(Caller caller, String target, int index, int size) {
        if (((long) index + 1) * size > 10_000) {
            throw ApiException.badRequest("Comments are paged up to the first 10000: (index + 1) * size must not exceed 10000.");
        }
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigationRrn(decision, target);
            Actor actor = Access.actor(decision, caller, null);
            return regions.read(t.region(), "comments", caller.arrivedNanos() + t.region().deadline().toNanos(),
                    auth -> t.region().api().comments(t.ref(), index * size, size, actor.callHeaders(auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> {
                        RegionalWire.CommentPage page = SingleTarget.read(r, RegionalWire.CommentPage.class,
                                SingleTarget.INVESTIGATION_NOT_FOUND);
                        return new Page<>(page.items(), Page.Metadata.of(index, size, page.total()));
                    });
        });
    }

    public Uni<RegionalWire.Comment> create(Caller caller, CommentBodies.Create body, String ifMatch) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body with target and body.");
        }
        if (body.body() == null || body.body().isBlank() || body.body().length() > 10_000) {
            throw ApiException.badRequest("'body' is required: 1 to 10000 characters.");
        }
        if (body.attachments() != null && !body.attachments().isEmpty()) {
            throw new ApiException(400, "ATTACHMENTS_NOT_SUPPORTED", "Attachments are not supported: MCI stores no "
                    + "files. Send an empty 'attachments' list or leave it out.");
        }
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigationRrn(decision, body.target());
            Access.requireWrite(t.customer());
            Actor actor = Access.actor(decision, caller, "v1 POST /idr/v1/comments");
            RegionalWire.CreateCommentRequest request = new RegionalWire.CreateCommentRequest(t.ref(), body.body(),
                    List.of(), null);
            return regions.write(t.region(), "create-comment",
                    auth -> t.region().api().createComment(request, actor.callHeaders(auth, ifMatch)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> SingleTarget.read(r, RegionalWire.Comment.class, SingleTarget.INVESTIGATION_NOT_FOUND));
        });
    }

    public Uni<RegionalWire.Comment> get(Caller caller, String rrn) {
        return access.decision(caller).chain(decision -> {
            Target t = targets.comment(decision, rrn);
            Actor actor = Access.actor(decision, caller, null);
            return regions.read(t.region(), "comment", caller.arrivedNanos() + t.region().deadline().toNanos(),
                    auth -> t.region().api().comment(t.ref(), actor.callHeaders(auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> SingleTarget.read(r, RegionalWire.Comment.class, SingleTarget.COMMENT_NOT_FOUND));
        });
    }

    public Uni<Void> delete(Caller caller, String rrn, String ifMatch) {
        return access.decision(caller).chain(decision -> {
            Target t = targets.comment(decision, rrn);
            Access.requireWrite(t.customer());
            Actor actor = Access.actor(decision, caller, "v1 DELETE /idr/v1/comments/{rrn}");
            return regions.write(t.region(), "delete-comment",
                    auth -> t.region().api().deleteComment(t.ref(), actor.callHeaders(auth, ifMatch)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> {
                        if (r.getStatus() != 204 && r.getStatus() != 200) {
                            throw SingleTarget.failure(r, SingleTarget.COMMENT_NOT_FOUND);
                        }
                        return null;
                    });
        });
    }

    public Uni<RegionalWire.Comment> visibility(Caller caller, String rrn, String visibility, String ifMatch) {
        CommentVisibility v = CommentVisibility.parse(visibility);
        return access.decision(caller).chain(decision -> {
            Target t = targets.comment(decision, rrn);
            Access.requireWrite(t.customer());
            Actor actor = Access.actor(decision, caller, "v1 PUT /idr/v1/comments/{rrn}/{visibility}");
            return regions.write(t.region(), "comment-visibility",
                    auth -> t.region().api().commentVisibility(t.ref(), v.name(), actor.callHeaders(auth, ifMatch)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> SingleTarget.read(r, RegionalWire.Comment.class, SingleTarget.COMMENT_NOT_FOUND));
        });
    }
}
