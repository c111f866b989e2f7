package io.mci.regional.comment.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.CommentVisibility;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;
import io.mci.regional.actor.Actor;
import io.mci.regional.audit.repository.AuditRepository;
import io.mci.regional.comment.repository.CommentRepository;
import io.mci.regional.comment.repository.CommentRepository.Comment;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.FieldChange;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationRef;
import io.mci.regional.investigation.repository.InvestigationRepository;
import io.mci.regional.investigation.service.ConditionalWrites;
import io.mci.regional.investigation.service.InvestigationService;
import io.mci.regional.region.service.HomeRegions;
import io.mci.regional.web.PageBody;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Comments on investigations. A comment write is a write of its investigation: it honours If-Match (the
 * investigation's version), increments that version and appends an audit row, all in one transaction.
 */
@ApplicationScoped
public class CommentService {

    /** A comment write's result: the comment and the investigation version after the write. */
    public record Written(Comment comment, long version) {
    }

    static final int MAX_BODY = 10_000;
    static final int MAX_ATTACHMENTS = 20;

    private final Pool pool;
    private final CommentRepository comments;
    private final InvestigationRepository investigations;
    private final InvestigationService investigationService;
    private final AuditRepository audit;
    private final ConditionalWrites writes;
    private final HomeRegions homeRegions;

    public CommentService(Pool pool, CommentRepository comments, InvestigationRepository investigations,
            InvestigationService investigationService, AuditRepository audit, ConditionalWrites writes,
            HomeRegions homeRegions) {
        this.pool = pool;
        this.comments = comments;
        this.investigations = investigations;
        this.investigationService = investigationService;
        this.audit = audit;
        this.writes = writes;
        this.homeRegions = homeRegions;
    }

    public Uni<PageBody<Comment>> list(InvestigationRef target, int offset, int limit) {
        return investigations.find(pool, target).map(InvestigationService::existing)
                .chain(i -> Uni.combine().all().unis(comments.list(pool, i.id(), offset, limit), comments.count(pool, i.id()))
                        .asTuple())
                .map(t -> new PageBody<>(t.getItem1(), t.getItem2()));
    }

    public Uni<Comment> get(InvestigationRef comment) {
        return comments.find(pool, comment).map(CommentService::existing);
    }

    /** Validates a create request before anything else happens. */
    public static List<String> validate(String body, List<String> attachments) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw ApiException.badRequest("'body' must have 1 to " + MAX_BODY + " characters and not be blank.");
        }
        Set<String> unique = new LinkedHashSet<>();
        if (attachments != null) {
            if (attachments.size() > MAX_ATTACHMENTS) {
                throw ApiException.badRequest("At most " + MAX_ATTACHMENTS + " attachments are allowed.");
            }
            for (String a : attachments) {
                if (a == null || !Rrn.looksLikeRrn(a) || a.length() > 512) {
                    throw ApiException.badRequest("Every attachment must be an attachment RRN.");
                }
                unique.add(a.trim());
            }
        }
        return new ArrayList<>(unique);
    }

    public Uni<Written> create(InvestigationRef target, String body, List<String> attachments, CommentVisibility visibility,
            Long ifMatch, Actor actor) {
        return writes.run(ifMatch, () -> pool.withTransaction(db -> investigationService.load(db, target, ifMatch)
                .chain(inv -> {
                    String id = ShortIds.next();
                    var now = SqlParams.now();
                    Comment c = new Comment(id, Rrn.comment(homeRegions.region(), inv.organizationId(), id).toString(),
                            inv.organizationId(), inv.id(), inv.rrn(), actor.type(), actor.name(), actor.id(), body,
                            visibility == null ? CommentVisibility.PUBLIC : visibility, now, attachments);
                    return bump(db, inv, now).chain(() -> comments.insert(db, c))
                            .chain(() -> audit.append(db, now, actor, "COMMENT_CREATE", inv.organizationId(), inv.id(),
                                    inv.rrn(), List.of(new FieldChange("comment", null, c.rrn()))))
                            .replaceWith(new Written(c, inv.version() + 1));
                })));
    }

    public Uni<Written> delete(InvestigationRef commentRef, Long ifMatch, Actor actor) {
        return writes.run(ifMatch, () -> pool.withTransaction(db -> comments.find(db, commentRef).map(CommentService::existing)
                .chain(found -> lockThenReread(db, found, commentRef, ifMatch).chain(locked -> {
                            Comment c = locked.comment();
                            Investigation inv = locked.investigation();
                            var now = SqlParams.now();
                            return bump(db, inv, now).chain(() -> comments.delete(db, c.id()))
                                    .chain(() -> audit.append(db, now, actor, "COMMENT_DELETE", inv.organizationId(),
                                            inv.id(), inv.rrn(), List.of(new FieldChange("comment", c.rrn(), null))))
                                    .replaceWith(new Written(c, inv.version() + 1));
                        }))));
    }

    public Uni<Written> setVisibility(InvestigationRef commentRef, CommentVisibility visibility, Long ifMatch, Actor actor) {
        return writes.run(ifMatch, () -> pool.withTransaction(db -> comments.find(db, commentRef).map(CommentService::existing)
                .chain(found -> lockThenReread(db, found, commentRef, ifMatch).chain(locked -> {
                            Comment c = locked.comment();
                            Investigation inv = locked.investigation();
                            if (c.visibility() == visibility) {
                                return Uni.createFrom().item(new Written(c, inv.version()));
                            }
                            var now = SqlParams.now();
                            Comment changed = new Comment(c.id(), c.rrn(), c.organizationId(), c.investigationId(),
                                    c.target(), c.creatorType(), c.creatorName(), c.creatorId(), c.body(), visibility,
                                    c.createdTime(), c.attachments());
                            return bump(db, inv, now).chain(() -> comments.setVisibility(db, c.id(), visibility))
                                    .chain(() -> audit.append(db, now, actor, "COMMENT_VISIBILITY", inv.organizationId(),
                                            inv.id(), inv.rrn(), List.of(new FieldChange("comment", c.rrn(), c.rrn()),
                                                    new FieldChange("visibility", c.visibility().name(), visibility.name()))))
                                    .replaceWith(new Written(changed, inv.version() + 1));
                        }))));
    }

    private record Locked(Comment comment, Investigation investigation) {
    }

    /**
     * Locks the comment's investigation, then reads the comment again under that lock: a concurrent delete that
     * committed meanwhile makes this one a 404 instead of a second audit row.
     */
    private Uni<Locked> lockThenReread(SqlClient db, Comment found, InvestigationRef commentRef, Long ifMatch) {
        return investigationService.load(db, new InvestigationRef(found.organizationId(), found.investigationId()), ifMatch)
                .chain(inv -> comments.find(db, commentRef).map(CommentService::existing).map(c -> new Locked(c, inv)));
    }

    /** Increments the investigation's version first, so a concurrent writer of it conflicts instead of interleaving. */
    private Uni<Void> bump(SqlClient db, Investigation inv, java.time.Instant now) {
        return investigations.touch(db, new InvestigationRef(inv.organizationId(), inv.id()), inv.version(), now)
                .chain(ok -> ok ? Uni.createFrom().voidItem() : ConditionalWrites.conflict());
    }

    private static Comment existing(Comment c) {
        if (c == null) {
            throw ApiException.notFound("No such comment.");
        }
        return c;
    }
}
