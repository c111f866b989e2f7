package io.mci.regional.investigation.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationRef;
import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.Source;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads and conditional writes of single investigations, always within a given connection (transaction). */
@ApplicationScoped
public class InvestigationRepository {

    /** An investigation closed by a bulk close, with what it was before. */
    public record Closed(String id, String rrn, UUID organizationId, String oldStatus, String oldDisposition,
            String newDisposition, long version) {
    }

    public Uni<Investigation> find(SqlClient db, InvestigationRef ref) {
        return db.preparedQuery("SELECT " + InvestigationRows.COLUMNS
                + " FROM investigation i WHERE i.id = $1 AND i.organization_id = $2")
                .execute(Tuple.of(ref.id(), ref.organizationId()))
                .map(InvestigationRepository::first);
    }

    /**
     * Reads the row for a write and locks it until the transaction ends, so concurrent writers of one
     * investigation queue up instead of failing their version check over and over.
     */
    public Uni<Investigation> findForUpdate(SqlClient db, InvestigationRef ref) {
        return db.preparedQuery("SELECT " + InvestigationRows.COLUMNS
                + " FROM investigation i WHERE i.id = $1 AND i.organization_id = $2 FOR UPDATE")
                .execute(Tuple.of(ref.id(), ref.organizationId()))
                .map(InvestigationRepository::first);
    }

    public Uni<Void> insert(SqlClient db, Investigation i) {
        SqlParams p = new SqlParams();
        String sql = "INSERT INTO investigation (id, rrn, organization_id, title, source, status, priority, disposition,"
                + " assignee_id, assignee_email, assignee_name, created_time, last_accessed, tags, responsibility, version)"
                + " VALUES (" + String.join(", ", p.bind(i.id()), p.bind(i.rrn()), p.bind(i.organizationId()),
                        p.bind(i.title()), p.bind(i.source().name()), p.bind(i.status().name()),
                        p.bind((short) i.priority().rank()), p.bind(i.disposition().name()), p.bind(i.assigneeId()),
                        p.bind(i.assigneeEmail()), p.bind(i.assigneeName()), p.bind(i.createdTime()),
                        p.bind(i.lastAccessed()), p.bind(i.tags() == null ? null : i.tags().toArray(String[]::new)),
                        p.bind(i.responsibility()), p.bind(i.version()))
                + ")";
        return db.preparedQuery(sql).execute(p.tuple()).replaceWithVoid();
    }

    /**
     * Writes every mutable field of {@code next} if the row is still at {@code expectedVersion}; true when it
     * was (under READ COMMITTED the WHERE is re-checked on the newest row after waiting for a concurrent writer).
     */
    public Uni<Boolean> updateIfVersion(SqlClient db, Investigation next, long expectedVersion) {
        SqlParams p = new SqlParams();
        String sql = "UPDATE investigation SET title = " + p.bind(next.title())
                + ", status = " + p.bind(next.status().name())
                + ", priority = " + p.bind((short) next.priority().rank())
                + ", disposition = " + p.bind(next.disposition().name())
                + ", assignee_id = " + p.bind(next.assigneeId())
                + ", assignee_email = " + p.bind(next.assigneeEmail())
                + ", assignee_name = " + p.bind(next.assigneeName())
                + ", tags = " + p.bind(next.tags() == null ? null : next.tags().toArray(String[]::new)) + "::text[]"
                + ", first_alert_time = " + p.bind(next.firstAlertTime()) + "::timestamptz"
                + ", latest_alert_time = " + p.bind(next.latestAlertTime()) + "::timestamptz"
                + ", alerts_most_recent_detection_created_time = " + p.bind(next.detectionAlertTime()) + "::timestamptz"
                + ", last_accessed = " + p.bind(next.lastAccessed()) + "::timestamptz"
                + ", version = " + p.bind(next.version())
                + " WHERE id = " + p.bind(next.id()) + " AND organization_id = " + p.bind(next.organizationId())
                + " AND version = " + p.bind(expectedVersion);
        return db.preparedQuery(sql).execute(p.tuple()).map(rows -> rows.rowCount() == 1);
    }

    /** Bumps the version of an investigation touched by a comment write, if still at {@code expectedVersion}. */
    public Uni<Boolean> touch(SqlClient db, InvestigationRef ref, long expectedVersion, Instant now) {
        return db.preparedQuery("UPDATE investigation SET version = version + 1, last_accessed = $1"
                + " WHERE id = $2 AND organization_id = $3 AND version = $4")
                .execute(Tuple.of(SqlParams.ts(now), ref.id(), ref.organizationId(), expectedVersion))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Closes, in one statement, every open investigation of the customers that matches the v2 bulk-close
     * criteria, returning what each was before. Rows are locked; the caller's transaction decides.
     */
    public Uni<List<Closed>> bulkClose(SqlClient db, List<UUID> customers, Source source, Instant from, Instant to,
            String alertType, String detectionRuleRrn, Disposition disposition, Instant now) {
        SqlParams p = new SqlParams();
        StringBuilder match = new StringBuilder("SELECT id, status, disposition FROM investigation"
                + " WHERE organization_id = ANY(").append(p.bind(customers.toArray(new UUID[0]))).append("::uuid[])")
                .append(" AND source = ").append(p.bind(source.name()))
                .append(" AND created_time >= ").append(p.bind(from)).append("::timestamptz")
                .append(" AND created_time <= ").append(p.bind(to)).append("::timestamptz")
                .append(" AND status <> 'CLOSED'");
        if (alertType != null || detectionRuleRrn != null) {
            match.append(" AND EXISTS (SELECT 1 FROM alert a WHERE a.investigation_id = investigation.id");
            if (alertType != null) {
                match.append(" AND a.alert_type = ").append(p.bind(alertType));
            }
            if (detectionRuleRrn != null) {
                match.append(" AND lower(a.detection_rule_rrn) = ").append(p.bind(detectionRuleRrn));
            }
            match.append(")");
        }
        match.append(" ORDER BY id FOR UPDATE");
        String sql = "UPDATE investigation i SET status = 'CLOSED', disposition = " + p.bind(disposition.name())
                + ", version = i.version + 1, last_accessed = " + p.bind(now) + "::timestamptz"
                + " FROM (" + match + ") old WHERE i.id = old.id"
                + " RETURNING i.id, i.rrn, i.organization_id, old.status AS old_status,"
                + " old.disposition AS old_disposition, i.disposition AS new_disposition, i.version";
        return db.preparedQuery(sql).execute(p.tuple()).map(rows -> {
            List<Closed> closed = new ArrayList<>(rows.size());
            for (Row r : rows) {
                closed.add(new Closed(r.getString("id"), r.getString("rrn"), r.getUUID("organization_id"),
                        r.getString("old_status"), r.getString("old_disposition"), r.getString("new_disposition"),
                        r.getLong("version")));
            }
            closed.sort((a, b) -> a.id().compareTo(b.id()));
            return closed;
        });
    }

    private static Investigation first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? InvestigationRows.map(it.next()) : null;
    }
}
