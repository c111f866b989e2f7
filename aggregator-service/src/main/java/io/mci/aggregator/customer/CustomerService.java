package io.mci.aggregator.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.entitlement.client.EntitlementWire;
import io.mci.aggregator.federation.client.CountsFanOut;
import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.PublicInvestigation;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.Priority;
import io.smallrye.mutiny.Uni;

/** The /mci/v1 views of the analyst and their customers. */
@ApplicationScoped
public class CustomerService {

    static final List<String> READ_ACTIONS = List.of("view_investigations", "view_alerts", "view_comments",
            "view_assignable_users");
    static final List<String> WRITE_ACTIONS = List.of("create_investigation", "update_investigation", "set_status",
            "set_priority", "set_disposition", "assign", "unlink_alert", "comment", "bulk_close", "bulk_action");

    private final Access access;
    private final EntitlementClient entitlement;
    private final CountsFanOut counts;

    public CustomerService(Access access, EntitlementClient entitlement, CountsFanOut counts) {
        this.access = access;
        this.entitlement = entitlement;
        this.counts = counts;
    }

    public Uni<CustomerViews.Me> me(Caller caller) {
        return access.decision(caller).map(d -> new CustomerViews.Me(d.analyst(), d.partner(), d.multiCustomer(),
                d.primaryCustomer(), caller.apiKey() ? "api_key" : "bearer"));
    }

    public Uni<EntitlementWire.Preferences> preferences(Caller caller) {
        return entitlement.preferences(caller);
    }

    public Uni<EntitlementWire.Preferences> setPreferences(Caller caller, CustomerViews.Preference body) {
        if (body == null || body.multiCustomerEnabled() == null) {
            throw ApiException.badRequest("'multi_customer_enabled' (true or false) is required.");
        }
        return entitlement.putPreferences(caller, body.multiCustomerEnabled());
    }

    public Uni<EntitlementWire.CustomerTable> customerTable(Caller caller) {
        return entitlement.customerTable(caller);
    }

    public Uni<EntitlementWire.AssignableUsers> assignableUsers(Caller caller, UUID customer) {
        return entitlement.assignableUsers(caller, customer);
    }

    public Uni<CustomerViews.Context> context(Caller caller, UUID customerId) {
        return access.decision(caller).map(d -> {
            Decision.Entitled c = Access.entitledOrRefuse(d, customerId);
            List<String> actions = new ArrayList<>(READ_ACTIONS);
            if (c.canWrite()) {
                actions.addAll(WRITE_ACTIONS);
            }
            return new CustomerViews.Context(PublicInvestigation.Customer.of(c), c.role(), c.primary(), c.canWrite(),
                    actions, d.multiCustomerAllowed());
        });
    }

    /** Every entitled customer with its open investigations per priority, the one needing attention first. */
    public Uni<CustomerViews.Customers> customers(Caller caller) {
        return access.decision(caller).chain(d -> {
            Map<String, List<UUID>> byRegion = new TreeMap<>();
            d.entitled().forEach(c -> byRegion.computeIfAbsent(c.region(), r -> new ArrayList<>()).add(c.id()));
            return counts.counts(byRegion, Access.actor(d, caller, null), caller.arrivedNanos())
                    .map(result -> view(d, result));
        });
    }

    static CustomerViews.Customers view(Decision d, CountsFanOut.Result result) {
        Map<UUID, long[]> perCustomer = new HashMap<>();
        for (RegionalWire.Count c : result.counts()) {
            if ("CLOSED".equals(c.status())) {
                continue;
            }
            long[] cells = perCustomer.computeIfAbsent(c.customerId(), k -> new long[Priority.values().length]);
            int rank;
            try {
                rank = Priority.valueOf(c.priority()).rank();
            } catch (RuntimeException e) {
                rank = Priority.UNSPECIFIED.rank();
            }
            cells[rank] += c.count();
        }
        Set<String> failed = new HashSet<>(result.failedRegions());
        List<CustomerViews.CustomerRow> rows = new ArrayList<>();
        for (Decision.Entitled c : d.entitled()) {
            long[] cells = perCustomer.getOrDefault(c.id(), new long[Priority.values().length]);
            long total = 0;
            for (long v : cells) {
                total += v;
            }
            rows.add(new CustomerViews.CustomerRow(c.id(), c.name(), c.region(), c.role(), c.primary(), c.canWrite(),
                    new CustomerViews.OpenCounts(cells[Priority.CRITICAL.rank()], cells[Priority.HIGH.rank()],
                            cells[Priority.MEDIUM.rank()], cells[Priority.LOW.rank()],
                            cells[Priority.UNSPECIFIED.rank()], total),
                    !failed.contains(c.region())));
        }
        rows.sort(ATTENTION_FIRST);
        return new CustomerViews.Customers(rows, d.excluded(),
                new CustomerViews.Metadata(!failed.isEmpty(), result.regions()));
    }

    /** Critical desc, then high, medium, low (desc), then name; unknown counts count as zero. */
    static final Comparator<CustomerViews.CustomerRow> ATTENTION_FIRST = Comparator
            .comparingLong((CustomerViews.CustomerRow r) -> r.openInvestigations().critical()).reversed()
            .thenComparing(Comparator.comparingLong((CustomerViews.CustomerRow r) -> r.openInvestigations().high()).reversed())
            .thenComparing(Comparator.comparingLong((CustomerViews.CustomerRow r) -> r.openInvestigations().medium()).reversed())
            .thenComparing(Comparator.comparingLong((CustomerViews.CustomerRow r) -> r.openInvestigations().low()).reversed())
            .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.id().toString());
}
