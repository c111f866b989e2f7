package io.mci.entitlement.customer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The customer registry: every customer's home region and licence state. A read-only projection
 * over possibly many rows, so it reads through the reactive SQL client without entities.
 */
@ApplicationScoped
public class RegistryService {

    private static final String COLUMNS = "SELECT id, region, license_status, license_expires_at FROM customer";

    private final Pool pool;

    public RegistryService(Pool pool) {
        this.pool = pool;
    }

    /** @param licenseStatus effective status */
    public record Entry(UUID id, String region, LicenseStatus licenseStatus, Instant licenseExpiresAt) {
    }

    /** All customers homed in {@code region}, or all customers when it is null; by id. */
    public Uni<List<Entry>> list(String region) {
        Uni<RowSet<Row>> rows = region == null ? pool.query(COLUMNS + " ORDER BY id").execute()
                : pool.preparedQuery(COLUMNS + " WHERE region = $1 ORDER BY id").execute(Tuple.of(region));
        return rows.map(set -> {
            Instant now = Times.now();
            List<Entry> entries = new ArrayList<>(set.size());
            set.forEach(row -> entries.add(entry(row, now)));
            return entries;
        });
    }

    public Uni<Entry> get(UUID id) {
        return pool.preparedQuery(COLUMNS + " WHERE id = $1").execute(Tuple.of(id)).map(set -> {
            if (set.size() == 0) {
                throw ApiException.notFound("Customer not found.");
            }
            return entry(set.iterator().next(), Times.now());
        });
    }

    private static Entry entry(Row row, Instant now) {
        var expires = row.getOffsetDateTime("license_expires_at");
        Instant expiresAt = expires == null ? null : expires.toInstant();
        return new Entry(row.getUUID("id"), row.getString("region"),
                LicenseStatus.effective(LicenseStatus.valueOf(row.getString("license_status")), expiresAt, now),
                expiresAt);
    }
}
