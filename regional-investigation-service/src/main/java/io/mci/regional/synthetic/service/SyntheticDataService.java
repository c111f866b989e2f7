package io.mci.regional.synthetic.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.regional.config.RegionalConfig;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.service.ConditionalWrites;
import io.mci.regional.region.service.HomeRegions;
import io.mci.regional.synthetic.api.SyntheticDataRequest;
import io.mci.regional.synthetic.api.SyntheticDataResponse;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fills the region with deterministic synthetic investigations, alerts and comments for customers homed here,
 * in three bulk statements in one transaction, then refreshes the planner statistics.
 */
@ApplicationScoped
public class SyntheticDataService {

    public static final int DEFAULT_ALERTS = 1;
    public static final int DEFAULT_COMMENTS = 1;
    static final int MAX_PER_INVESTIGATION = 20;

    private final Pool pool;
    private final HomeRegions homeRegions;
    private final RegionalConfig config;
    private final ConditionalWrites writes;

    public SyntheticDataService(Pool pool, HomeRegions homeRegions, RegionalConfig config, ConditionalWrites writes) {
        this.pool = pool;
        this.homeRegions = homeRegions;
        this.config = config;
        this.writes = writes;
    }

    /**
     * A large load into an empty region: lock the tables, note and drop their indexes and their foreign-key,
     * unique and primary-key constraints, so that the rows go into bare tables and {@link #rebuild} builds every
     * index and constraint in one pass each afterwards (validating them: a duplicate would fail the load). The
     * definitions come from the catalog, so they always match the migrations. Otherwise: nothing.
     */
    private Uni<List<String>> bulkMode(SqlConnection db, int investigations) {
        if (investigations < config.synthetic().bulkThreshold()) {
            return Uni.createFrom().item(List.of());
        }
        return db.query("LOCK TABLE investigation, alert, comment IN ACCESS EXCLUSIVE MODE").execute()
                .chain(() -> db.query("SELECT NOT EXISTS (SELECT 1 FROM investigation) AS empty").execute())
                .chain(rows -> {
                    if (!rows.iterator().next().getBoolean("empty")) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    // Foreign keys first (dropped first, added last), then unique constraints, then plain indexes.
                    return db.query("SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname) AS drop_it,"
                            + " 'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' '"
                            + " || pg_get_constraintdef(c.oid) AS build_it, CASE c.contype WHEN 'f' THEN 0 WHEN 'u' THEN 1 ELSE 2 END AS rank"
                            + " FROM pg_constraint c WHERE c.conrelid IN ('investigation'::regclass, 'alert'::regclass, 'comment'::regclass)"
                            + " AND c.contype IN ('f', 'u', 'p')"
                            + " UNION ALL"
                            + " SELECT 'DROP INDEX ' || quote_ident(i.indexname), i.indexdef, 3 FROM pg_indexes i"
                            + " WHERE i.schemaname = current_schema() AND i.tablename IN ('investigation', 'alert', 'comment')"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)"
                            + " ORDER BY 3, 1").execute()
                            .chain(found -> {
                                List<String> drops = new ArrayList<>();
                                List<String> builds = new ArrayList<>();
                                for (Row row : found) {
                                    drops.add(row.getString("drop_it"));
                                    builds.add(0, row.getString("build_it"));
                                }
                                Uni<Void> chain = db.query("SET LOCAL maintenance_work_mem = '256MB'").execute().replaceWithVoid();
                                for (String drop : drops) {
                                    chain = chain.chain(() -> db.query(drop).execute()).replaceWithVoid();
                                }
                                return chain.replaceWith(builds);
                            });
                });
    }

    /** Builds what {@link #bulkMode} dropped: indexes, primary keys, unique constraints, then foreign keys. */
    private Uni<Void> rebuild(SqlConnection db, List<String> definitions) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String definition : definitions) {
            chain = chain.chain(() -> db.query(definition).execute()).replaceWithVoid();
        }
        return definitions.isEmpty() ? chain : timed("index and constraint rebuild", chain);
    }

    private static <T> Uni<T> timed(String step, Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.invoke(() -> Log.infof("Synthetic data: %s took %d ms", step, (System.nanoTime() - started) / 1_000_000));
        });
    }

    public Uni<SyntheticDataResponse> generate(SyntheticDataRequest r) {
        if (!config.synthetic().enabled()) {
            return Uni.createFrom().failure(new ApiException(404, "SYNTHETIC_DATA_DISABLED",
                    "The synthetic-data generator is disabled here (mci.synthetic.enabled=false)."));
        }
        Tuple params;
        long seed;
        Instant anchor;
        List<UUID> customers;
        try {
            if (r == null || r.seed() == null) {
                throw ApiException.badRequest("'seed' is required.");
            }
            if (r.customerIds() == null || r.customerIds().isEmpty() || r.customerIds().size() > config.query().maxCustomers()
                    || r.customerIds().contains(null)) {
                throw ApiException.badRequest("'customer_ids' must name 1 to " + config.query().maxCustomers() + " customers.");
            }
            int max = config.synthetic().maxInvestigations();
            if (r.investigations() == null || r.investigations() < 0 || r.investigations() > max) {
                throw ApiException.badRequest("'investigations' must be from 0 to " + max + ".");
            }
            int alerts = r.alertsPerInvestigation() == null ? DEFAULT_ALERTS : r.alertsPerInvestigation();
            int comments = r.commentsPerInvestigation() == null ? DEFAULT_COMMENTS : r.commentsPerInvestigation();
            if (alerts < 0 || alerts > MAX_PER_INVESTIGATION || comments < 0 || comments > MAX_PER_INVESTIGATION) {
                throw ApiException.badRequest("'alerts_per_investigation' and 'comments_per_investigation' must be from 0 to "
                        + MAX_PER_INVESTIGATION + ".");
            }
            seed = r.seed();
            anchor = (r.anchor() == null ? Instant.now() : r.anchor()).truncatedTo(ChronoUnit.MILLIS);
            // Sorted, so that the order in which a caller lists the customers does not change the rows.
            customers = r.customerIds().stream().distinct().sorted().toList();
            params = Tuple.from(new Object[] { seed, customers.toArray(new UUID[0]), (long) r.investigations(),
                    SqlParams.ts(anchor), alerts, comments, homeRegions.region() });
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        long started = System.nanoTime();
        return homeRegions.requireLocal(customers)
                .chain(() -> writes.committed(pool.withTransaction(db -> bulkMode(db, r.investigations()).chain(dropped ->
                        timed("investigations", db.preparedQuery(SyntheticSql.statement(SyntheticSql.INVESTIGATIONS, dropped)).execute(params))
                        .chain(inv -> timed("alerts", db.preparedQuery(SyntheticSql.statement(SyntheticSql.ALERTS, dropped)).execute(params))
                                .chain(al -> timed("comments", db.preparedQuery(SyntheticSql.statement(SyntheticSql.COMMENTS, dropped)).execute(params))
                                        .map(co -> new long[] { inv.rowCount(), al.rowCount(), co.rowCount() })))
                        .call(() -> rebuild(db, dropped))))))
                .call(counts -> timed("analyze", pool.query("ANALYZE investigation, alert, comment").execute()))
                .map(counts -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    Log.infof("Synthetic data: %d investigations, %d alerts, %d comments for %d customers in %d ms",
                            counts[0], counts[1], counts[2], customers.size(), millis);
                    return new SyntheticDataResponse(seed, anchor, counts[0], counts[1], counts[2], millis);
                });
    }
}
