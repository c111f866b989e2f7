package io.mci.regional.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.mci.testing.EmbeddedPostgresResource;

/** Direct JDBC access to the service's test database: to arrange rows and to count what a request changed. */
public final class Db {

    private Db() {
    }

    public static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("mci.test.jdbc-url", String.class);
        Connection c = DriverManager.getConnection(url, EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
        try (var s = c.createStatement()) {
            // Row digests render timestamps as text: make that independent of the JVM's time zone.
            s.execute("SET TIME ZONE 'UTC'");
        }
        return c;
    }

    /** A single number from a query. */
    public static long scalar(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, params);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in every table that any request could write (investigations, alerts, comments, audit). */
    public static long allRows() {
        return scalar("SELECT (SELECT count(*) FROM investigation) + (SELECT count(*) FROM alert)"
                + " + (SELECT count(*) FROM comment) + (SELECT count(*) FROM audit_event)");
    }

    /** A digest of every investigation row: equal digests mean nothing changed. */
    public static String investigationsDigest() {
        return text("SELECT md5(coalesce(string_agg(i::text, '|' ORDER BY i.id), '')) FROM investigation i");
    }

    public static void insert(List<TestInvestigation> rows) {
        String sql = "INSERT INTO investigation (id, rrn, organization_id, title, source, status, priority, disposition,"
                + " assignee_id, assignee_email, assignee_name, created_time, last_accessed, first_alert_time,"
                + " latest_alert_time, alerts_most_recent_detection_created_time, tags, responsibility)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (TestInvestigation t : rows) {
                s.setString(1, t.id());
                s.setString(2, t.rrn());
                s.setObject(3, t.organizationId());
                s.setString(4, t.title());
                s.setString(5, t.source());
                s.setString(6, t.status());
                s.setShort(7, (short) t.priority().rank());
                s.setString(8, t.disposition());
                s.setString(9, t.assigneeId());
                s.setString(10, t.assigneeEmail());
                s.setString(11, t.assigneeEmail());
                s.setTimestamp(12, ts(t.createdTime()));
                s.setTimestamp(13, ts(t.createdTime()));
                s.setTimestamp(14, ts(t.latestAlertTime()));
                s.setTimestamp(15, ts(t.latestAlertTime()));
                s.setTimestamp(16, ts(t.detectionTime()));
                s.setArray(17, t.tags() == null ? null : c.createArrayOf("text", t.tags().toArray()));
                s.setString(18, null);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert linked to an investigation. */
    public static void insertAlert(String id, UUID org, String investigationId, Instant created, String alertType,
            String ruleRrn, String ruleName, List<String> mitre, String host, String user) {
        execute("INSERT INTO alert (id, rrn, organization_id, investigation_id, title, alert_type, alert_type_description,"
                + " alert_source, created_time, first_event_time, latest_event_time, detection_rule_rrn, detection_rule_name,"
                + " mitre_t_codes, actor_asset_hostname, actor_user_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, "rrn:alerts:us:" + org + ":alert:" + id, org, investigationId, "Alert " + id, alertType,
                alertType + " description", ruleRrn == null ? "User Behavior Analytics" : "Attacker Behavior Analytics",
                ts(created), ts(created.minusSeconds(60)), ts(created.minusSeconds(5)), ruleRrn, ruleName,
                mitre == null ? null : mitre.toArray(new String[0]), host, user);
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void bind(Connection c, PreparedStatement s, Object... params) throws SQLException {
        for (int k = 0; k < params.length; k++) {
            Object p = params[k];
            if (p instanceof String[] array) {
                Array a = c.createArrayOf("text", array);
                s.setArray(k + 1, a);
            } else {
                s.setObject(k + 1, p);
            }
        }
    }
}
