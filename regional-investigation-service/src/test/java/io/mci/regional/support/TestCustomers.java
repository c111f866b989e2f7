package io.mci.regional.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers the registry stub knows: a pool of customers homed in {@code us} (this service's region in tests),
 * a few homed in {@code eu}. Every test takes fresh local customers, so no test sees another's rows.
 */
public final class TestCustomers {

    public static final String REGION = "us";
    public static final int LOCAL_POOL = 3000;
    public static final int FOREIGN_POOL = 10;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestCustomers() {
    }

    public static UUID local(int index) {
        return UUID.nameUUIDFromBytes(("us-customer-" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** A customer homed in region eu. */
    public static UUID foreign(int index) {
        return UUID.nameUUIDFromBytes(("eu-customer-" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** A customer nobody knows. */
    public static UUID unknown() {
        return UUID.randomUUID();
    }

    /** Local customers set aside for tests that need the same customer ids on every run (golden checksums). */
    public static UUID reserved(int k) {
        return local(LOCAL_POOL - 20 + k);
    }

    /** A local customer no other test uses. */
    public static UUID fresh() {
        int i = NEXT.getAndIncrement();
        if (i >= LOCAL_POOL - 20) {
            throw new IllegalStateException("The local customer pool is exhausted; raise TestCustomers.LOCAL_POOL");
        }
        return local(i);
    }

    public static List<UUID> fresh(int n) {
        List<UUID> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(fresh());
        }
        return ids;
    }
}
