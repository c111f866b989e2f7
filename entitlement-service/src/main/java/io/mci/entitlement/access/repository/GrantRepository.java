package io.mci.entitlement.access.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.Db;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Grants in bulk. Writes run as single set-based statements inside the caller's Hibernate Reactive
 * transaction (one INSERT ... ON CONFLICT for every analyst x customer pair, one DELETE); id lists are
 * bound as one text parameter and cast to {@code uuid[]}. Read-only projections use the reactive SQL client.
 */
@ApplicationScoped
public class GrantRepository {

    /*
     * Id lists arrive as ONE text parameter ('{uuid,uuid,...}') and are cast to uuid[] inside a FROM
     * clause (unnest), where PostgreSQL evaluates the cast once. Written as "id = ANY(CAST(...))" in a
     * WHERE clause the cast is re-evaluated for every scanned row, which at 5,000 ids over 50,000 rows
     * took more than 30 s.
     */
    private static final String IDS_ANALYSTS = "unnest(CAST(CAST(:analysts AS text) AS uuid[]))";
    private static final String IDS_CUSTOMERS = "unnest(CAST(CAST(:customers AS text) AS uuid[]))";

    private static final String COUNT_ANALYSTS_OF_PARTNER = """
            SELECT count(*) FROM %s AS ids(id) JOIN analyst a ON a.id = ids.id
             WHERE a.partner_id = :partner
            """.formatted(IDS_ANALYSTS);

    private static final String COUNT_CUSTOMERS_OF_PARTNER = """
            SELECT count(*) FROM %s AS ids(id)
              JOIN customer c ON c.id = ids.id
              JOIN partner p ON p.id = :partner
             WHERE c.partner_id = p.id OR c.id = p.primary_customer_id
            """.formatted(IDS_CUSTOMERS);

    private static final String UPSERT = """
            WITH changed AS (
                INSERT INTO access_grant (analyst_id, customer_id, role, granted_at, granted_by)
                SELECT a.id, c.id, %s, date_trunc('milliseconds', statement_timestamp()), :grantedBy
                  FROM %s AS a(id) CROSS JOIN %s AS c(id)
                ON CONFLICT (analyst_id, customer_id) DO UPDATE
                   SET role = EXCLUDED.role, granted_at = EXCLUDED.granted_at, granted_by = EXCLUDED.granted_by
                 WHERE access_grant.role IS DISTINCT FROM EXCLUDED.role
                RETURNING analyst_id, customer_id, (xmax = 0) AS inserted
            )
            SELECT analyst_id, count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted),
                   string_agg(CAST(customer_id AS text), ',' ORDER BY customer_id)
              FROM changed GROUP BY analyst_id ORDER BY analyst_id
            """;

    private static final String DELETE = """
            WITH removed AS (
                DELETE FROM access_grant g
                 USING %s AS a(id), %s AS c(id)
                 WHERE g.analyst_id = a.id AND g.customer_id = c.id
                RETURNING g.analyst_id, g.customer_id
            )
            SELECT analyst_id, count(*), string_agg(CAST(customer_id AS text), ',' ORDER BY customer_id)
              FROM removed GROUP BY analyst_id ORDER BY analyst_id
            """.formatted(IDS_ANALYSTS, IDS_CUSTOMERS);

    private static final String GRANTS_OF_ANALYST = """
            SELECT c.id, c.name, c.region, g.role, g.granted_at, g.granted_by
              FROM access_grant g
              JOIN customer c ON c.id = g.customer_id
              JOIN partner p ON p.id = $2
             WHERE g.analyst_id = $1 AND (c.partner_id = p.id OR c.id = p.primary_customer_id)
             ORDER BY (c.id = p.primary_customer_id) DESC, lower(c.name), c.id
            """;

    private static final String CUSTOMER_OF_PARTNER = """
            SELECT p.name AS partner_name, p.license_product, p.license_status AS partner_license_status,
                   p.license_expires_at AS partner_license_expires_at, p.partner_status_enabled,
                   c.id, c.name, c.region, c.license_status, c.license_expires_at, c.association_state,
                   (c.id = p.primary_customer_id) AS is_primary
              FROM partner p
              JOIN customer c ON c.id = $2 AND (c.partner_id = p.id OR c.id = p.primary_customer_id)
             WHERE p.id = $1
            """;

    private static final String ASSIGNABLE = """
            SELECT a.id, a.email, a.name, g.role
              FROM access_grant g
              JOIN analyst a ON a.id = g.analyst_id
             WHERE g.customer_id = $1 AND a.partner_id = $2 AND g.role IN ('ANALYST', 'ADMINISTRATOR')
             ORDER BY lower(a.email), a.id
            """;

    private final Pool pool;

    public GrantRepository(Pool pool) {
        this.pool = pool;
    }

    /** Per analyst: how many grants were created and updated, and on which customers. */
    public record Changed(UUID analystId, long created, long updated, List<String> customerIds) {
    }

    /** Per analyst: how many grants were removed, and on which customers. */
    public record Removed(UUID analystId, long removed, List<String> customerIds) {
    }

    public record GrantRow(UUID customerId, String customerName, String region, AccessRole role, Instant grantedAt,
            String grantedBy) {
    }

    public record AssignableRow(UUID id, String email, String name, AccessRole role) {
    }

    /** How many of these analysts belong to the partner (in the current session). */
    public Uni<Long> countAnalystsOfPartner(UUID partnerId, List<UUID> analystIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(COUNT_ANALYSTS_OF_PARTNER, Long.class)
                .setParameter("partner", partnerId).setParameter("analysts", Db.uuidArray(analystIds))
                .getSingleResult());
    }

    /** How many of these customers are the partner's (primary or associated in any state). */
    public Uni<Long> countCustomersOfPartner(UUID partnerId, List<UUID> customerIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(COUNT_CUSTOMERS_OF_PARTNER, Long.class)
                .setParameter("partner", partnerId).setParameter("customers", Db.uuidArray(customerIds))
                .getSingleResult());
    }

    /** Creates or re-roles every analyst x customer grant; rows already holding the role are untouched. */
    public Uni<List<Changed>> upsert(List<UUID> analystIds, List<UUID> customerIds, AccessRole role, String grantedBy) {
        // The role is one of the enum's constant names (never caller text), so it is written as a literal.
        String roleSql = role == null ? "CAST(NULL AS text)" : "'" + role.name() + "'";
        String sql = UPSERT.formatted(roleSql, IDS_ANALYSTS, IDS_CUSTOMERS);
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("analysts", Db.uuidArray(analystIds))
                .setParameter("customers", Db.uuidArray(customerIds))
                .setParameter("grantedBy", grantedBy)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Changed((UUID) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), split(r[3]))).toList());
    }

    public Uni<List<Removed>> delete(List<UUID> analystIds, List<UUID> customerIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DELETE, Object[].class)
                .setParameter("analysts", Db.uuidArray(analystIds))
                .setParameter("customers", Db.uuidArray(customerIds))
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Removed((UUID) r[0], ((Number) r[1]).longValue(), split(r[2])))
                        .toList());
    }

    /** The analyst's grants on the partner's customers, primary first, then by name. */
    public Uni<List<GrantRow>> grantsOf(UUID analystId, UUID partnerId) {
        return pool.preparedQuery(GRANTS_OF_ANALYST).execute(Tuple.of(analystId, partnerId)).map(rows -> {
            List<GrantRow> grants = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String role = row.getString("role");
                grants.add(new GrantRow(row.getUUID("id"), row.getString("name"), row.getString("region"),
                        role == null ? null : AccessRole.valueOf(role), instant(row.getOffsetDateTime("granted_at")),
                        row.getString("granted_by")));
            }
            return grants;
        });
    }

    /** The partner and one of its customers as decision facts (no grant); null when it is not the partner's. */
    public Uni<CustomerOfPartner> customerOfPartner(UUID partnerId, UUID customerId) {
        return pool.preparedQuery(CUSTOMER_OF_PARTNER).execute(Tuple.of(partnerId, customerId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            var partner = new DecisionFacts.Partner(partnerId, row.getString("partner_name"),
                    row.getString("license_product"), LicenseStatus.valueOf(row.getString("partner_license_status")),
                    instant(row.getOffsetDateTime("partner_license_expires_at")), row.getBoolean("partner_status_enabled"));
            boolean primary = row.getBoolean("is_primary");
            var customer = new DecisionFacts.Customer(row.getUUID("id"), row.getString("name"), row.getString("region"),
                    LicenseStatus.valueOf(row.getString("license_status")),
                    instant(row.getOffsetDateTime("license_expires_at")),
                    primary ? null : AssociationState.valueOf(row.getString("association_state")), primary, false, null);
            return new CustomerOfPartner(partner, customer);
        });
    }

    public record CustomerOfPartner(DecisionFacts.Partner partner, DecisionFacts.Customer customer) {
    }

    /** Analysts of the partner holding ANALYST or ADMINISTRATOR on the customer, by email. */
    public Uni<List<AssignableRow>> assignable(UUID customerId, UUID partnerId) {
        return pool.preparedQuery(ASSIGNABLE).execute(Tuple.of(customerId, partnerId)).map(rows -> {
            List<AssignableRow> users = new ArrayList<>(rows.size());
            for (Row row : rows) {
                users.add(new AssignableRow(row.getUUID("id"), row.getString("email"), row.getString("name"),
                        AccessRole.valueOf(row.getString("role"))));
            }
            return users;
        });
    }

    private static List<String> split(Object csv) {
        return csv == null ? List.of() : Arrays.asList(csv.toString().split(","));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
