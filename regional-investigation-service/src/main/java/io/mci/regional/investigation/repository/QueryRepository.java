package io.mci.regional.investigation.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationFilter;
import io.mci.regional.investigation.model.Position;
import io.mci.regional.investigation.model.SortField;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** The read-only hot path: federation page, total, and counts per customer x priority x status. */
@ApplicationScoped
public class QueryRepository {

    /** One non-zero cell of the counts. */
    public record CountCell(UUID customerId, Priority priority, InvestigationStatus status, long count) {
    }

    private final Pool pool;

    public QueryRepository(Pool pool) {
        this.pool = pool;
    }

    /** At most {@code limit + 1} investigations in exactly the requested order. */
    public Uni<List<Investigation>> page(QuerySql.Shape shape, InvestigationFilter filter, SortField field, boolean desc,
            Position after, int offset, int limit) {
        QuerySql.Statement s = QuerySql.page(shape, filter, field, desc, after, offset, limit);
        return pool.preparedQuery(s.sql()).execute(s.params().tuple()).map(rows -> {
            List<Investigation> items = new ArrayList<>(rows.size());
            for (Row r : rows) {
                items.add(InvestigationRows.map(r));
            }
            return items;
        });
    }

    public Uni<Long> total(InvestigationFilter filter) {
        QuerySql.Statement s = QuerySql.total(filter);
        return pool.preparedQuery(s.sql()).execute(s.params().tuple())
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    /**
     * Non-zero counts per customer x priority x status. For all time they are read from {@code investigation_count}
     * (kept by triggers in the same transaction as every write, migration V3): one index range per customer instead
     * of a visit to each of its investigations. Within a time window they are counted from the investigations.
     */
    public Uni<List<CountCell>> counts(List<UUID> customers, java.time.Instant from, java.time.Instant to) {
        SqlParams p = new SqlParams();
        if (from == null && to == null) {
            String sql = "SELECT c.organization_id, c.priority, c.status, c.n FROM investigation_count c"
                    + " WHERE c.organization_id = ANY(" + p.bind(customers.toArray(new UUID[0])) + "::uuid[]) AND c.n > 0"
                    + " ORDER BY c.organization_id, c.priority DESC, c.status";
            return pool.preparedQuery(sql).execute(p.tuple()).map(QueryRepository::cells);
        }
        StringBuilder sql = new StringBuilder("SELECT i.organization_id, i.priority, i.status, count(*) AS n"
                + " FROM investigation i WHERE i.organization_id = ANY(")
                .append(p.bind(customers.toArray(new UUID[0]))).append("::uuid[])");
        if (from != null) {
            sql.append(" AND i.created_time >= ").append(p.bind(from)).append("::timestamptz");
        }
        if (to != null) {
            sql.append(" AND i.created_time <= ").append(p.bind(to)).append("::timestamptz");
        }
        sql.append(" GROUP BY i.organization_id, i.priority, i.status ORDER BY i.organization_id, i.priority DESC, i.status");
        return pool.preparedQuery(sql.toString()).execute(p.tuple()).map(QueryRepository::cells);
    }

    private static List<CountCell> cells(RowSet<Row> rows) {
        List<CountCell> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            cells.add(new CountCell(r.getUUID(0), Priority.ofRank(r.getShort(1)), InvestigationStatus.valueOf(r.getString(2)),
                    r.getLong(3)));
        }
        return cells;
    }
}
