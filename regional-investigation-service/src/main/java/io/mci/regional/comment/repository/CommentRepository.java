package io.mci.regional.comment.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.investigation.CommentVisibility;
import io.mci.contract.investigation.CreatorType;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.InvestigationRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Comments on investigations. */
@ApplicationScoped
public class CommentRepository {

    /** One comment row. */
    public record Comment(String id, String rrn, UUID organizationId, String investigationId, String target,
            CreatorType creatorType, String creatorName, String creatorId, String body, CommentVisibility visibility,
            Instant createdTime, List<String> attachments) {
    }

    private static final String COLUMNS = "c.id, c.rrn, c.organization_id, c.investigation_id, i.rrn AS target,"
            + " c.creator_type, c.creator_name, c.creator_id, c.body, c.visibility, c.created_time, c.attachments";

    public Uni<Void> insert(SqlClient db, Comment c) {
        return db.preparedQuery("INSERT INTO comment (id, rrn, organization_id, investigation_id, creator_type,"
                + " creator_name, creator_id, body, visibility, created_time, attachments)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(new Object[] { c.id(), c.rrn(), c.organizationId(), c.investigationId(),
                        c.creatorType().name(), c.creatorName(), c.creatorId(), c.body(), c.visibility().name(),
                        SqlParams.ts(c.createdTime()), c.attachments().toArray(String[]::new) }))
                .replaceWithVoid();
    }

    /** Oldest first. */
    public Uni<List<Comment>> list(SqlClient db, String investigationId, int offset, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM comment c JOIN investigation i ON i.id = c.investigation_id"
                + " WHERE c.investigation_id = $1 ORDER BY c.created_time, c.id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(investigationId, limit, offset))
                .map(rows -> {
                    List<Comment> comments = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        comments.add(map(r));
                    }
                    return comments;
                });
    }

    public Uni<Long> count(SqlClient db, String investigationId) {
        return db.preparedQuery("SELECT count(*) AS n FROM comment WHERE investigation_id = $1")
                .execute(Tuple.of(investigationId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<Comment> find(SqlClient db, InvestigationRef comment) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM comment c JOIN investigation i ON i.id = c.investigation_id"
                + " WHERE c.id = $1 AND c.organization_id = $2")
                .execute(Tuple.of(comment.id(), comment.organizationId()))
                .map(rows -> rows.iterator().hasNext() ? map(rows.iterator().next()) : null);
    }

    public Uni<Boolean> delete(SqlClient db, String id) {
        return db.preparedQuery("DELETE FROM comment WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> setVisibility(SqlClient db, String id, CommentVisibility visibility) {
        return db.preparedQuery("UPDATE comment SET visibility = $1 WHERE id = $2").execute(Tuple.of(visibility.name(), id))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Comment map(Row r) {
        String[] attachments = r.getArrayOfStrings("attachments");
        return new Comment(r.getString("id"), r.getString("rrn"), r.getUUID("organization_id"),
                r.getString("investigation_id"), r.getString("target"), CreatorType.valueOf(r.getString("creator_type")),
                r.getString("creator_name"), r.getString("creator_id"), r.getString("body"),
                CommentVisibility.valueOf(r.getString("visibility")), SqlParams.instant(r.getOffsetDateTime("created_time")),
                attachments == null ? List.of() : Arrays.asList(attachments));
    }
}
