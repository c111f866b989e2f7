package io.mci.regional.investigation.repository;

import java.util.Arrays;
import java.util.List;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.Investigation;
import io.vertx.mutiny.sqlclient.Row;

/** The investigation columns every read selects, and their mapping to {@link Investigation}. */
public final class InvestigationRows {

    /** Column list for a table aliased {@code i}. */
    public static final String COLUMNS = "i.id, i.rrn, i.organization_id, i.title, i.source, i.status, i.priority,"
            + " i.disposition, i.assignee_id, i.assignee_email, i.assignee_name, i.created_time, i.last_accessed,"
            + " i.first_alert_time, i.latest_alert_time, i.alerts_most_recent_detection_created_time, i.tags,"
            + " i.responsibility, i.version";

    private InvestigationRows() {
    }

    public static Investigation map(Row r) {
        String[] tags = r.getArrayOfStrings("tags");
        List<String> tagList = tags == null ? null : Arrays.asList(tags);
        return new Investigation(
                r.getString("id"),
                r.getString("rrn"),
                r.getUUID("organization_id"),
                r.getString("title"),
                Source.valueOf(r.getString("source")),
                InvestigationStatus.valueOf(r.getString("status")),
                Priority.ofRank(r.getShort("priority")),
                Disposition.valueOf(r.getString("disposition")),
                r.getString("assignee_id"),
                r.getString("assignee_email"),
                r.getString("assignee_name"),
                SqlParams.instant(r.getOffsetDateTime("created_time")),
                SqlParams.instant(r.getOffsetDateTime("last_accessed")),
                SqlParams.instant(r.getOffsetDateTime("first_alert_time")),
                SqlParams.instant(r.getOffsetDateTime("latest_alert_time")),
                SqlParams.instant(r.getOffsetDateTime("alerts_most_recent_detection_created_time")),
                tagList,
                r.getString("responsibility"),
                r.getLong("version"));
    }
}
