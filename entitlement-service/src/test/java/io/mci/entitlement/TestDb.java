package io.mci.entitlement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.mci.testing.EmbeddedPostgresResource;

/** Direct JDBC access to the test database, to check what the service wrote (or did not). */
public final class TestDb {

    private static final List<String> TABLES = List.of("partner", "customer", "analyst", "access_grant",
            "customer_admin", "api_key", "audit_event");

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("mci.test.jdbc-url", String.class);
        return DriverManager.getConnection(url, EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
    }

    /** A digest of every row of every table: equal before and after means nothing was written. */
    public static String snapshot() {
        StringBuilder sql = new StringBuilder("SELECT md5(coalesce(string_agg(t, '|' ORDER BY t), '')) FROM (");
        for (int i = 0; i < TABLES.size(); i++) {
            String table = TABLES.get(i);
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT '").append(table).append("' || x::text AS t FROM ")
                    .append(table).append(" x");
        }
        sql.append(") rows");
        return text(sql.toString());
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(text(sql, params));
    }

    /** The first column of the first row as text, or null. */
    public static String text(String sql, Object... params) {
        List<String> rows = column(sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of every row as text. */
    public static List<String> column(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
