package io.mci.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the databases hold, read directly over JDBC: the independent answer every HTTP result is compared
 * with. Nothing here goes through the services.
 */
final class Truth {

    private Truth() {
    }

    /** Customer id -> home region, from the entitlement database. */
    static Map<UUID, String> homes() {
        Map<UUID, String> homes = new HashMap<>();
        query("entitlement", "SELECT id, region FROM customer", List.of(), rs -> homes.put((UUID) rs.getObject(1), rs.getString(2)));
        return homes;
    }

    /** Customers of the demo with one of the situations (for alice), by id. */
    static Set<UUID> customers(DemoData.Situation... situations) {
        Set<DemoData.Situation> wanted = Set.of(situations);
        return WholeSystem.demo().of(DemoData.NORTHWIND).stream().filter(c -> wanted.contains(c.situation()))
                .map(DemoData.Customer::id).collect(Collectors.toSet());
    }

    /** Alice's entitled customers as the demo defines them: the primary and every ENTITLED one. */
    static Set<UUID> aliceEntitled() {
        return customers(DemoData.Situation.ENTITLED, DemoData.Situation.PRIMARY);
    }

    /** The RRNs of the customers' investigations matching {@code where} (SQL over table investigation), in every region. */
    static Set<String> rrns(Collection<UUID> customers, String where, Object... params) {
        Set<String> rrns = new HashSet<>();
        forEachRegion(customers, "SELECT rrn FROM investigation WHERE organization_id = ANY(?) AND (" + where + ")",
                params, rs -> rrns.add(rs.getString(1)));
        return rrns;
    }

    /** The first (by RRN) investigation of one customer matching {@code where}, skipping the RRNs given. */
    static String pick(UUID customer, String where, Collection<String> skip) {
        return rrns(List.of(customer), where).stream().filter(r -> !skip.contains(r)).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("no investigation of " + customer + " with " + where));
    }

    static long count(Collection<UUID> customers, String where, Object... params) {
        return rrns(customers, where, params).size();
    }

    /** Open investigations (status other than CLOSED) per customer and priority name. */
    static Map<UUID, Map<String, Long>> openCounts(Collection<UUID> customers) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        String[] names = {"UNSPECIFIED", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
        forEachRegion(customers, "SELECT organization_id, priority, count(*) FROM investigation "
                + "WHERE organization_id = ANY(?) AND status <> 'CLOSED' GROUP BY 1, 2", new Object[0],
                rs -> counts.computeIfAbsent((UUID) rs.getObject(1), k -> new HashMap<>())
                        .put(names[rs.getInt(2)], rs.getLong(3)));
        return counts;
    }

    /** One investigation row as column -> value (text), from the region the RRN names. */
    static Map<String, String> investigation(String rrn) {
        String region = rrn.split(":")[2];
        Map<String, String> row = new LinkedHashMap<>();
        query(region, "SELECT status, priority, disposition, assignee_email, version, title FROM investigation WHERE rrn = ?",
                List.of(rrn), rs -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                });
        return row;
    }

    /** Audit rows of one investigation: action, actor email, changed fields. */
    static List<String> audit(String rrn) {
        String region = rrn.split(":")[2];
        List<String> rows = new ArrayList<>();
        query(region, "SELECT action, actor_email, changes::text FROM audit_event WHERE investigation_rrn = ? ORDER BY id",
                List.of(rrn), rs -> rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
        return rows;
    }

    /** Runs a query on one component's database ("entitlement" or a region id). */
    static void query(String database, String sql, List<Object> params, RowHandler handler) {
        try (Connection c = WholeSystem.system().database(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query with the customers of each region (first parameter, a uuid array) in that region's database. */
    private static void forEachRegion(Collection<UUID> customers, String sql, Object[] params, RowHandler handler) {
        Map<UUID, String> homes = homes();
        Map<String, List<UUID>> byRegion = customers.stream().collect(Collectors.groupingBy(homes::get));
        byRegion.forEach((region, ids) -> {
            try (Connection c = WholeSystem.system().database(region); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 2, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(region + ": " + sql + ": " + e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }
}
