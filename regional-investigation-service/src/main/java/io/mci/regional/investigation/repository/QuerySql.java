package io.mci.regional.investigation.repository;

import java.util.UUID;
import java.util.stream.Collectors;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Source;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.InvestigationFilter;
import io.mci.regional.investigation.model.Position;
import io.mci.regional.investigation.model.SortField;

/**
 * Builds the SQL of the federation query, with bind parameters only. Two shapes give the same rows in the
 * same order (docs/regional-query-plans.md explains why both exist):
 * <ul>
 * <li>{@link Shape#GLOBAL}: {@code organization_id = ANY($1)} walking the global sort index; best when the
 * customer set covers much of the region;</li>
 * <li>{@link Shape#PER_CUSTOMER}: a LATERAL top-N per customer over the per-customer indexes, merged by one
 * sort of at most customers x (offset + limit + 1) rows; best for small sets.</li>
 * </ul>
 */
public final class QuerySql {

    public enum Shape {
        GLOBAL, PER_CUSTOMER
    }

    /** A statement and its parameters. */
    public record Statement(String sql, SqlParams params) {
    }

    private QuerySql() {
    }

    /** The page query: {@code limit + 1} rows are fetched so the caller can tell {@code has_more}. */
    public static Statement page(Shape shape, InvestigationFilter filter, SortField field, boolean desc, Position after,
            int offset, int limit) {
        SqlParams p = new SqlParams();
        String customers = p.bind(filter.customers().toArray(new UUID[0]));
        // Per customer, the created_time window must not lure the planner onto (organization_id, created_time)
        // plus a sort of every row in the window when another key is sorted: written as a plain filter, the
        // ordered per-customer index of the sort key is used and the scan stops after offset + limit + 1 rows.
        boolean windowAsFilter = shape == Shape.PER_CUSTOMER && field != SortField.CREATED_TIME;
        String where = conditions(p, filter, windowAsFilter) + keyset(p, field, desc, after);
        String order = orderBy(field, desc);
        String sql;
        if (shape == Shape.GLOBAL) {
            sql = "SELECT " + InvestigationRows.COLUMNS + " FROM investigation i"
                    + " WHERE i.organization_id = ANY(" + customers + "::uuid[])" + where
                    + " ORDER BY " + order
                    + " LIMIT " + p.bind(limit + 1) + " OFFSET " + p.bind(offset);
        } else {
            sql = "SELECT " + InvestigationRows.COLUMNS + " FROM unnest(" + customers + "::uuid[]) AS c(org)"
                    + " CROSS JOIN LATERAL (SELECT * FROM investigation i WHERE i.organization_id = c.org" + where
                    + " ORDER BY " + order + " LIMIT " + p.bind(offset + limit + 1) + ") i"
                    + " ORDER BY " + order
                    + " LIMIT " + p.bind(limit + 1) + " OFFSET " + p.bind(offset);
        }
        return new Statement(sql, p);
    }

    /** The number of matching investigations (no keyset, no paging). */
    public static Statement total(InvestigationFilter filter) {
        SqlParams p = new SqlParams();
        String customers = p.bind(filter.customers().toArray(new UUID[0]));
        String sql = "SELECT count(*) AS total FROM investigation i WHERE i.organization_id = ANY(" + customers
                + "::uuid[])" + conditions(p, filter, false);
        return new Statement(sql, p);
    }

    static String orderBy(SortField field, boolean desc) {
        String dir = desc ? " DESC" : " ASC";
        return field.columns().stream().map(c -> "i." + c + dir).collect(Collectors.joining(", "));
    }

    static String keyset(SqlParams p, SortField field, boolean desc, Position after) {
        if (after == null) {
            return "";
        }
        String op = desc ? (after.inclusive() ? "<=" : "<") : (after.inclusive() ? ">=" : ">");
        return switch (field) {
            case PRIORITY -> " AND (i.priority, i.created_time, i.id) " + op + " (" + p.bind((short) after.priority().rank())
                    + "::int2, " + p.bind(after.createdTime()) + "::timestamptz, " + p.bind(after.id()) + "::text COLLATE \"C\")";
            case CREATED_TIME -> " AND (i.created_time, i.id) " + op + " (" + p.bind(after.timeValue())
                    + "::timestamptz, " + p.bind(after.id()) + "::text COLLATE \"C\")";
            case RRN -> " AND i.rrn " + op + " " + p.bind(after.rrn()) + "::text COLLATE \"C\"";
            case ALERTS_MOST_RECENT_CREATED_TIME -> " AND (i.latest_alert_sort, i.id) " + op + " (coalesce("
                    + p.bind(after.timeValue()) + "::timestamptz, '-infinity'::timestamptz), " + p.bind(after.id())
                    + "::text COLLATE \"C\")";
            case ALERTS_MOST_RECENT_DETECTION_CREATED_TIME -> " AND (i.detection_alert_sort, i.id) " + op + " (coalesce("
                    + p.bind(after.timeValue()) + "::timestamptz, '-infinity'::timestamptz), " + p.bind(after.id())
                    + "::text COLLATE \"C\")";
        };
    }

    /** Every filter as {@code AND ...} conditions on alias {@code i}. */
    static String conditions(SqlParams p, InvestigationFilter f, boolean windowAsFilter) {
        StringBuilder w = new StringBuilder();
        if (!f.statuses().isEmpty()) {
            w.append(" AND i.status = ANY(").append(p.bind(f.statuses().stream().map(InvestigationStatus::name)
                    .toArray(String[]::new))).append("::text[])");
        }
        if (!f.priorities().isEmpty()) {
            w.append(" AND i.priority = ANY(").append(p.bind(f.priorities().stream().map(x -> (short) x.rank())
                    .toArray(Short[]::new))).append("::int2[])");
        }
        if (!f.sources().isEmpty()) {
            w.append(" AND i.source = ANY(").append(p.bind(f.sources().stream().map(Source::name)
                    .toArray(String[]::new))).append("::text[])");
        }
        if (!f.dispositions().isEmpty()) {
            w.append(" AND i.disposition = ANY(").append(p.bind(f.dispositions().stream().map(Disposition::name)
                    .toArray(String[]::new))).append("::text[])");
        }
        if (f.assigneeEmail() != null) {
            w.append(" AND lower(i.assignee_email) = ").append(p.bind(f.assigneeEmail()));
        }
        if (!f.assigneeIds().isEmpty()) {
            w.append(" AND i.assignee_id = ANY(").append(p.bind(f.assigneeIds().toArray(String[]::new))).append("::text[])");
        }
        if (!f.tags().isEmpty()) {
            w.append(" AND i.tags @> ").append(p.bind(f.tags().toArray(String[]::new))).append("::text[]");
        }
        String open = windowAsFilter ? " AND (i.created_time " : " AND i.created_time ";
        String close = windowAsFilter ? "::timestamptz) IS TRUE" : "::timestamptz";
        if (f.createdFrom() != null) {
            w.append(open).append(">= ").append(p.bind(f.createdFrom())).append(close);
        }
        if (f.createdTo() != null) {
            w.append(open).append("<= ").append(p.bind(f.createdTo())).append(close);
        }
        if (f.titleContains() != null) {
            w.append(" AND strpos(lower(i.title), ").append(p.bind(f.titleContains())).append(") > 0");
        }
        if (!f.rrns().isEmpty() || !f.shortIds().isEmpty()) {
            w.append(" AND (i.rrn = ANY(").append(p.bind(f.rrns().toArray(String[]::new)))
                    .append("::text[]) OR i.id = ANY(").append(p.bind(f.shortIds().toArray(String[]::new)))
                    .append("::text[]))");
        }
        if (!f.alertRuleRrns().isEmpty()) {
            w.append(alertExists("lower(a.detection_rule_rrn) = ANY(" + p.bind(f.alertRuleRrns().toArray(String[]::new))
                    + "::text[])"));
        }
        if (!f.alertMitreTCodes().isEmpty()) {
            w.append(alertExists("a.mitre_t_codes && " + p.bind(f.alertMitreTCodes().toArray(String[]::new)) + "::text[]"));
        }
        if (f.actorAssetHostnameContains() != null) {
            w.append(alertExists("strpos(lower(a.actor_asset_hostname), " + p.bind(f.actorAssetHostnameContains()) + ") > 0"));
        }
        if (f.actorUserNameContains() != null) {
            w.append(alertExists("strpos(lower(a.actor_user_name), " + p.bind(f.actorUserNameContains()) + ") > 0"));
        }
        return w.toString();
    }

    private static String alertExists(String condition) {
        return " AND EXISTS (SELECT 1 FROM alert a WHERE a.investigation_id = i.id AND " + condition + ")";
    }
}
