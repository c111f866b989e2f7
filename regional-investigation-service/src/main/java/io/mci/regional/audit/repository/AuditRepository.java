package io.mci.regional.audit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.regional.actor.Actor;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.FieldChange;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The append-only audit trail: inserted in the same transaction as the change it records. */
@ApplicationScoped
public class AuditRepository {

    /** One audit row as stored. */
    public record AuditEvent(long id, Instant occurredAt, String investigationRrn, String actorId, String actorEmail,
            String action, String entryPoint, List<FieldChange> changes) {
    }

    /** What one audit row records about one investigation. */
    public record Entry(UUID organizationId, String investigationId, String investigationRrn, List<FieldChange> changes) {
    }

    public Uni<Void> append(SqlClient db, Instant at, Actor actor, String action, UUID organizationId,
            String investigationId, String investigationRrn, List<FieldChange> changes) {
        return appendAll(db, at, actor, action, List.of(new Entry(organizationId, investigationId, investigationRrn, changes)));
    }

    /** Appends one row per entry in one statement. */
    public Uni<Void> appendAll(SqlClient db, Instant at, Actor actor, String action, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] orgs = new UUID[entries.size()];
        String[] ids = new String[entries.size()];
        String[] rrns = new String[entries.size()];
        String[] changes = new String[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            orgs[k] = e.organizationId();
            ids[k] = e.investigationId();
            rrns[k] = e.investigationRrn();
            changes[k] = toJson(e.changes()).encode();
        }
        return db.preparedQuery("INSERT INTO audit_event (occurred_at, organization_id, investigation_id,"
                + " investigation_rrn, actor_id, actor_email, action, entry_point, changes)"
                + " SELECT $1, u.org, u.id, u.rrn, $2, $3, $4, $5, u.changes::jsonb"
                + " FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS u(org, id, rrn, changes, n)"
                + " ORDER BY u.n")
                .execute(Tuple.from(new Object[] { SqlParams.ts(at), actor.id(), actor.email(), action,
                        actor.entryPoint(), orgs, ids, rrns, changes }))
                .replaceWithVoid();
    }

    public Uni<List<AuditEvent>> list(SqlClient db, UUID organizationId, String investigationId, int offset, int limit) {
        return db.preparedQuery("SELECT id, occurred_at, investigation_rrn, actor_id, actor_email, action, entry_point,"
                + " changes FROM audit_event WHERE investigation_id = $1 AND organization_id = $2"
                + " ORDER BY id LIMIT $3 OFFSET $4")
                .execute(Tuple.of(investigationId, organizationId, limit, offset))
                .map(rows -> {
                    List<AuditEvent> events = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        events.add(new AuditEvent(r.getLong("id"), SqlParams.instant(r.getOffsetDateTime("occurred_at")),
                                r.getString("investigation_rrn"), r.getString("actor_id"), r.getString("actor_email"),
                                r.getString("action"), r.getString("entry_point"), fromJson(r.getJsonArray("changes"))));
                    }
                    return events;
                });
    }

    public Uni<Long> count(SqlClient db, UUID organizationId, String investigationId) {
        return db.preparedQuery("SELECT count(*) AS n FROM audit_event WHERE investigation_id = $1 AND organization_id = $2")
                .execute(Tuple.of(investigationId, organizationId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static JsonArray toJson(List<FieldChange> changes) {
        JsonArray array = new JsonArray();
        for (FieldChange c : changes) {
            array.add(new JsonObject().put("field", c.field()).put("from", c.from()).put("to", c.to()));
        }
        return array;
    }

    private static List<FieldChange> fromJson(JsonArray array) {
        List<FieldChange> changes = new ArrayList<>();
        if (array != null) {
            for (int k = 0; k < array.size(); k++) {
                JsonObject o = array.getJsonObject(k);
                changes.add(new FieldChange(o.getString("field"), o.getString("from"), o.getString("to")));
            }
        }
        return changes;
    }
}
