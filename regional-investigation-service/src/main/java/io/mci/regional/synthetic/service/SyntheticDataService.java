package io.mci.regional.synthetic.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.regional.config.RegionalConfig;
import io.mci.regional.db.SqlParams;
import io.mci.regional.region.service.HomeRegions;
import io.mci.regional.synthetic.api.SyntheticDataRequest;
import io.mci.regional.synthetic.api.SyntheticDataResponse;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fills the region with deterministic synthetic investigations, alerts and comments for customers homed here,
 * in three bulk statements in one transaction, then refreshes the planner statistics.
 */
@ApplicationScoped
public class SyntheticDataService {

    public static final int DEFAULT_ALERTS = 2;
    public static final int DEFAULT_COMMENTS = 1;
    static final int MAX_PER_INVESTIGATION = 20;

    private final Pool pool;
    private final HomeRegions homeRegions;
    private final RegionalConfig config;

    public SyntheticDataService(Pool pool, HomeRegions homeRegions, RegionalConfig config) {
        this.pool = pool;
        this.homeRegions = homeRegions;
        this.config = config;
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
                .chain(() -> pool.withTransaction(db -> db.preparedQuery(SyntheticSql.INVESTIGATIONS).execute(params)
                        .chain(inv -> db.preparedQuery(SyntheticSql.ALERTS).execute(params)
                                .chain(al -> db.preparedQuery(SyntheticSql.COMMENTS).execute(params)
                                        .map(co -> new long[] { inv.rowCount(), al.rowCount(), co.rowCount() })))))
                .call(counts -> pool.query("ANALYZE investigation, alert, comment").execute())
                .map(counts -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    Log.infof("Synthetic data: %d investigations, %d alerts, %d comments for %d customers in %d ms",
                            counts[0], counts[1], counts[2], customers.size(), millis);
                    return new SyntheticDataResponse(seed, anchor, counts[0], counts[1], counts[2], millis);
                });
    }
}
