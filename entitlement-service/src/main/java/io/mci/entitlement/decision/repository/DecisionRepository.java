package io.mci.entitlement.decision.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.customer.model.AssociationState;
import io.mci.entitlement.decision.model.DecisionFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The decision query: ONE statement reads the analyst, the partner, every customer of the partner
 * (the primary and every customer whose association names the partner, in any state) and the
 * analyst's grant on each. It uses {@code customer_partner_idx} and the primary key of
 * {@code access_grant}; see docs/entitlement-benchmark.md for its plan at 5,000 customers.
 * An analyst with no row answers no rows (the caller turns that into 403 ANALYST_NOT_REGISTERED).
 *
 * <p>Read through the reactive SQL client directly: a read-only projection needs no entity
 * session, and the rows map to records without materializing entities.
 */
@ApplicationScoped
public class DecisionRepository {

    /**
     * The decision query; {@code %s} is the analyst predicate ({@code subject = $1} or {@code id = $1}).
     * The analyst and partner CTEs are MATERIALIZED on purpose: they are found first (one row each),
     * and their ids then drive index scans as InitPlan parameters: the partner's customers through
     * {@code customer_partner_idx}, the analyst's grants through the primary key of
     * {@code access_grant}. Joined on {@code a.id} instead, a generic plan hash-joins the whole grant
     * table (46 ms at 55,000 grants, growing with every other analyst's grants).
     */
    static final String DECISION_SQL = """
            WITH a AS MATERIALIZED (
                SELECT id, subject, email, name, partner_id, multi_customer_enabled
                  FROM analyst
                 WHERE %s
            ), p AS MATERIALIZED (
                SELECT id, name, license_product, license_status, license_expires_at, partner_status_enabled,
                       primary_customer_id
                  FROM partner
                 WHERE id = (SELECT partner_id FROM a)
            ), c AS (
                SELECT pc.id, pc.name, pc.region, pc.license_status, pc.license_expires_at,
                       NULL::text AS association_state, true AS is_primary
                  FROM customer pc
                 WHERE pc.id = (SELECT primary_customer_id FROM p)
                UNION ALL
                SELECT ac.id, ac.name, ac.region, ac.license_status, ac.license_expires_at,
                       ac.association_state, false AS is_primary
                  FROM customer ac
                 WHERE ac.partner_id = (SELECT id FROM p) AND ac.id <> (SELECT primary_customer_id FROM p)
            )
            SELECT a.id AS analyst_id, a.subject, a.email, a.name AS analyst_name, a.multi_customer_enabled,
                   p.id AS partner_id, p.name AS partner_name, p.license_product,
                   p.license_status AS partner_license_status, p.license_expires_at AS partner_license_expires_at,
                   p.partner_status_enabled,
                   c.id AS customer_id, c.name AS customer_name, c.region, c.license_status, c.license_expires_at,
                   c.association_state, c.is_primary,
                   g.customer_id IS NOT NULL AS has_grant, g.role,
                   (SELECT value FROM decision_generation WHERE id = 1) AS generation
              FROM a
              CROSS JOIN p
              CROSS JOIN c
              LEFT JOIN access_grant g ON g.analyst_id = (SELECT id FROM a) AND g.customer_id = c.id
            """;

    public static final String BY_SUBJECT = DECISION_SQL.formatted("subject = $1");
    public static final String BY_ANALYST_ID = DECISION_SQL.formatted("id = $1");

    private final Pool pool;

    public DecisionRepository(Pool pool) {
        this.pool = pool;
    }

    /** The facts for the analyst with this OIDC subject; null when no analyst has it. */
    public Uni<DecisionFacts> bySubject(String subject) {
        return pool.preparedQuery(BY_SUBJECT).execute(Tuple.of(subject)).map(DecisionRepository::facts);
    }

    /** The facts and the decision generation they were read at (one statement, one snapshot); null when no analyst. */
    public Uni<Generational> bySubjectWithGeneration(String subject) {
        return pool.preparedQuery(BY_SUBJECT).execute(Tuple.of(subject)).map(rows -> {
            DecisionFacts facts = facts(rows);
            return facts == null ? null : new Generational(facts, rows.iterator().next().getLong(GENERATION));
        });
    }

    /**
     * The current decision generation, or null when no analyst has this subject (docs/entitlement.md, "Conditional
     * decisions"): a decision is never "unchanged" for someone who is not, or no longer, an analyst.
     */
    public Uni<Long> generation(String subject) {
        return pool.preparedQuery(GENERATION_SQL).execute(Tuple.of(subject))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /** Facts with the decision generation they were read at. */
    public record Generational(DecisionFacts facts, long generation) {
    }

    static final String GENERATION_SQL = "SELECT g.value FROM decision_generation g WHERE g.id = 1 "
            + "AND EXISTS (SELECT 1 FROM analyst WHERE subject = $1)";

    /** The facts for the analyst with this id; null when there is none. */
    public Uni<DecisionFacts> byAnalystId(UUID analystId) {
        return pool.preparedQuery(BY_ANALYST_ID).execute(Tuple.of(analystId)).map(DecisionRepository::facts);
    }

    // Column positions in DECISION_SQL's select list. Read by position: looking columns up by name
    // re-hashes the name on every call and was the hottest spot at 5,000 rows.
    private static final int ANALYST_ID = 0, SUBJECT = 1, EMAIL = 2, ANALYST_NAME = 3, MULTI_CUSTOMER = 4,
            PARTNER_ID = 5, PARTNER_NAME = 6, PRODUCT = 7, PARTNER_LICENSE = 8, PARTNER_EXPIRES = 9,
            PARTNER_STATUS = 10, CUSTOMER_ID = 11, CUSTOMER_NAME = 12, REGION = 13, LICENSE = 14, EXPIRES = 15,
            ASSOCIATION = 16, PRIMARY = 17, HAS_GRANT = 18, ROLE = 19, GENERATION = 20;

    static DecisionFacts facts(RowSet<Row> rows) {
        DecisionFacts.Analyst analyst = null;
        DecisionFacts.Partner partner = null;
        List<DecisionFacts.Customer> customers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (analyst == null) {
                analyst = new DecisionFacts.Analyst(row.getUUID(ANALYST_ID), row.getString(SUBJECT),
                        row.getString(EMAIL), row.getString(ANALYST_NAME), row.getUUID(PARTNER_ID),
                        row.getBoolean(MULTI_CUSTOMER));
                partner = new DecisionFacts.Partner(row.getUUID(PARTNER_ID), row.getString(PARTNER_NAME),
                        row.getString(PRODUCT), LicenseStatus.valueOf(row.getString(PARTNER_LICENSE)),
                        instant(row.getOffsetDateTime(PARTNER_EXPIRES)), row.getBoolean(PARTNER_STATUS));
            }
            String association = row.getString(ASSOCIATION);
            String role = row.getString(ROLE);
            customers.add(new DecisionFacts.Customer(row.getUUID(CUSTOMER_ID), row.getString(CUSTOMER_NAME),
                    row.getString(REGION), LicenseStatus.valueOf(row.getString(LICENSE)),
                    instant(row.getOffsetDateTime(EXPIRES)),
                    association == null ? null : AssociationState.valueOf(association),
                    row.getBoolean(PRIMARY), row.getBoolean(HAS_GRANT),
                    role == null ? null : AccessRole.valueOf(role)));
        }
        return analyst == null ? null : new DecisionFacts(analyst, partner, customers);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
