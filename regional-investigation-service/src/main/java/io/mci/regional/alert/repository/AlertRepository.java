package io.mci.regional.alert.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.InvestigationRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Alerts linked to investigations. */
@ApplicationScoped
public class AlertRepository {

    /** One alert row (what the alert item shows). */
    public record Alert(String id, String rrn, String title, String alertType, String alertTypeDescription,
            Instant createdTime, Instant firstEventTime, Instant latestEventTime, String alertSource,
            String detectionRuleRrn, String detectionRuleName) {
    }

    /** The alert times an investigation derives from its linked alerts. */
    public record AlertTimes(Instant first, Instant latest, Instant latestDetection) {
    }

    private static final String COLUMNS = "id, rrn, title, alert_type, alert_type_description, created_time,"
            + " first_event_time, latest_event_time, alert_source, detection_rule_rrn, detection_rule_name";

    /** Newest first. */
    public Uni<List<Alert>> list(SqlClient db, String investigationId, int offset, int limit) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM alert WHERE investigation_id = $1"
                + " ORDER BY created_time DESC, id DESC LIMIT $2 OFFSET $3")
                .execute(Tuple.of(investigationId, limit, offset))
                .map(rows -> {
                    List<Alert> alerts = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        alerts.add(map(r));
                    }
                    return alerts;
                });
    }

    public Uni<Long> count(SqlClient db, String investigationId) {
        return db.preparedQuery("SELECT count(*) AS n FROM alert WHERE investigation_id = $1")
                .execute(Tuple.of(investigationId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Unlinks the alert from the investigation; false when it was not linked to it. */
    public Uni<Boolean> unlink(SqlClient db, InvestigationRef alert, String investigationId) {
        return db.preparedQuery("UPDATE alert SET investigation_id = NULL"
                + " WHERE id = $1 AND organization_id = $2 AND investigation_id = $3")
                .execute(Tuple.of(alert.id(), alert.organizationId(), investigationId))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<AlertTimes> times(SqlClient db, String investigationId) {
        return db.preparedQuery("SELECT min(created_time) AS first, max(created_time) AS latest,"
                + " max(created_time) FILTER (WHERE detection_rule_rrn IS NOT NULL) AS detection"
                + " FROM alert WHERE investigation_id = $1")
                .execute(Tuple.of(investigationId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new AlertTimes(SqlParams.instant(r.getOffsetDateTime("first")),
                            SqlParams.instant(r.getOffsetDateTime("latest")),
                            SqlParams.instant(r.getOffsetDateTime("detection")));
                });
    }

    private static Alert map(Row r) {
        return new Alert(r.getString("id"), r.getString("rrn"), r.getString("title"), r.getString("alert_type"),
                r.getString("alert_type_description"), SqlParams.instant(r.getOffsetDateTime("created_time")),
                SqlParams.instant(r.getOffsetDateTime("first_event_time")),
                SqlParams.instant(r.getOffsetDateTime("latest_event_time")), r.getString("alert_source"),
                r.getString("detection_rule_rrn"), r.getString("detection_rule_name"));
    }
}
