package io.mci.aggregator.bulk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.mci.aggregator.bulk.BulkBodies.ItemResult;
import io.mci.aggregator.bulk.BulkBodies.Outcome;
import io.mci.aggregator.config.AggregatorConfig;
import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.entitlement.client.EntitlementWire;
import io.mci.aggregator.federation.client.Actor;
import io.mci.aggregator.federation.client.RegionRegistry;
import io.mci.aggregator.federation.client.RegionUnavailableException;
import io.mci.aggregator.federation.client.RegionalClient;
import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.PublicInvestigation;
import io.mci.aggregator.investigation.service.InvestigationService;
import io.mci.aggregator.investigation.service.SingleTarget;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.mci.contract.error.ErrorBody;
import io.mci.contract.rrn.Rrn;
import io.mci.aggregator.support.Upstream;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One change applied to many investigations across customers and regions. Items are grouped by region; the
 * regions work in parallel, each with bounded concurrency. Every item gets its own outcome: one failing item
 * neither blocks nor undoes the others (each regional write is its own transaction there).
 */
@ApplicationScoped
public class BulkActionService {

    static final String ENTRY_POINT = "mci bulk-action";

    private final Access access;
    private final RegionRegistry registry;
    private final RegionalClient regions;
    private final EntitlementClient entitlement;
    private final AggregatorConfig.Bulk config;

    public BulkActionService(Access access, RegionRegistry registry, RegionalClient regions,
            EntitlementClient entitlement, AggregatorConfig config) {
        this.access = access;
        this.registry = registry;
        this.regions = regions;
        this.entitlement = entitlement;
        this.config = config.bulk();
    }

    /** A parsed item: its RRN and, once resolved, its customer; or its outcome when decided early. */
    private record Item(int index, Rrn rrn, Decision.Entitled customer, ItemResult early) {
    }

    public Uni<BulkBodies.Result> apply(Caller caller, BulkBodies.Request body) {
        List<Rrn> rrns = validate(body);
        boolean assign = body.assignee() != null;
        InvestigationService.Change change = InvestigationService.normalized(null, body.status(), body.priority(),
                body.disposition(), assign, assign ? body.assignee().email() : null);
        return access.decision(caller).chain(decision -> {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < rrns.size(); i++) {
                items.add(resolve(i, rrns.get(i), decision));
            }
            return assignees(caller, items, change).chain(assignees -> run(caller, decision, items, change, assignees));
        });
    }

    private List<Rrn> validate(BulkBodies.Request body) {
        if (body == null || body.rrns() == null || body.rrns().isEmpty()) {
            throw ApiException.badRequest("'rrns' is required: 1 to " + config.maxItems() + " investigation RRNs.");
        }
        if (body.rrns().size() > config.maxItems()) {
            throw ApiException.badRequest("At most " + config.maxItems() + " RRNs per bulk action; got "
                    + body.rrns().size() + ".");
        }
        if (body.status() == null && body.priority() == null && body.disposition() == null && body.assignee() == null) {
            throw ApiException.badRequest("Name at least one change: status, priority, disposition or assignee.",
                    List.of("status", "priority", "disposition", "assignee"));
        }
        List<Rrn> rrns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.rrns().size(); i++) {
            String text = body.rrns().get(i);
            Rrn rrn;
            try {
                rrn = Rrn.parse(text, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
            } catch (ApiException e) {
                throw ApiException.badRequest("rrns[" + i + "] is not an investigation RRN: " + e.getMessage());
            }
            if (!seen.add(rrn.toString())) {
                throw ApiException.badRequest("rrns[" + i + "] repeats " + rrn + "; name each investigation once.");
            }
            rrns.add(rrn);
        }
        return rrns;
    }

    private Item resolve(int index, Rrn rrn, Decision decision) {
        var customer = decision.entitledCustomer(rrn.organizationId()).filter(c -> c.region().equals(rrn.region()));
        if (customer.isEmpty()) {
            // Not entitled and not existing read the same.
            return new Item(index, rrn, null, result(rrn, Outcome.not_found, SingleTarget.INVESTIGATION_NOT_FOUND, null));
        }
        if (!customer.get().canWrite()) {
            return new Item(index, rrn, customer.get(), result(rrn, Outcome.forbidden, "Your role in this customer ("
                    + customer.get().role() + ") does not allow changes.", null));
        }
        if (registry.region(rrn.region()).isEmpty()) {
            return new Item(index, rrn, customer.get(), result(rrn, Outcome.region_unavailable,
                    "The customer's region is not served by this aggregator.", null));
        }
        return new Item(index, rrn, customer.get(), null);
    }

    /** The assignee per customer (validated against its assignable users); null entry = not assignable there. */
    private Uni<Map<UUID, RegionalWire.PatchAssignee>> assignees(Caller caller, List<Item> items,
            InvestigationService.Change change) {
        if (!change.assign()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<UUID> customers = new HashSet<>();
        items.stream().filter(i -> i.early() == null).forEach(i -> customers.add(i.customer().id()));
        if (change.assigneeEmail() == null || customers.isEmpty()) {
            Map<UUID, RegionalWire.PatchAssignee> unassign = new LinkedHashMap<>();
            customers.forEach(c -> unassign.put(c, new RegionalWire.PatchAssignee(null, null, null)));
            return Uni.createFrom().item(unassign);
        }
        List<Uni<Map.Entry<UUID, RegionalWire.PatchAssignee>>> lookups = new ArrayList<>();
        for (UUID customer : customers) {
            lookups.add(entitlement.assignableUsers(caller, customer).map(users -> Map.entry(customer,
                    find(users, change.assigneeEmail()))));
        }
        return Uni.join().all(lookups).andFailFast().map(entries -> {
            Map<UUID, RegionalWire.PatchAssignee> byCustomer = new LinkedHashMap<>();
            entries.forEach(e -> byCustomer.put(e.getKey(), e.getValue()));
            return byCustomer;
        });
    }

    private static RegionalWire.PatchAssignee find(EntitlementWire.AssignableUsers users, String email) {
        return users.users().stream().filter(u -> u.email() != null && u.email().equalsIgnoreCase(email)).findFirst()
                .map(u -> new RegionalWire.PatchAssignee(u.email(), u.name(), u.id()))
                .orElse(new RegionalWire.PatchAssignee("", null, null)); // marker: not assignable in this customer
    }

    private Uni<BulkBodies.Result> run(Caller caller, Decision decision, List<Item> items,
            InvestigationService.Change change, Map<UUID, RegionalWire.PatchAssignee> assignees) {
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, List<Item>> byRegion = new TreeMap<>();
        for (Item item : items) {
            if (item.early() != null) {
                results[item.index()] = item.early();
                continue;
            }
            RegionalWire.PatchAssignee assignee = change.assign() ? assignees.get(item.customer().id()) : null;
            if (assignee != null && "".equals(assignee.email())) {
                results[item.index()] = result(item.rrn(), Outcome.conflict, "'" + change.assigneeEmail()
                        + "' cannot be assigned investigations of this customer.", null);
                continue;
            }
            byRegion.computeIfAbsent(item.rrn().region(), r -> new ArrayList<>()).add(item);
        }
        Actor actor = Access.actor(decision, caller, ENTRY_POINT);
        List<Uni<List<ItemResult>>> perRegion = new ArrayList<>();
        byRegion.forEach((regionId, regionItems) -> {
            RegionRegistry.Region region = registry.region(regionId).orElseThrow();
            perRegion.add(Multi.createFrom().iterable(regionItems)
                    .onItem().transformToUni(item -> {
                        RegionalWire.PatchRequest patch = new RegionalWire.PatchRequest(null, change.status(),
                                change.priority(), change.disposition(),
                                change.assign() ? assignees.get(item.customer().id()) : null);
                        return regions.write(region, "bulk-patch", auth -> region.api().patch(item.rrn().toString(),
                                        item.customer().id().toString(), patch, actor.callHeaders(auth, null)))
                                .map(r -> outcome(item, r))
                                .onFailure().recoverWithItem(f -> failed(item, f))
                                .invoke(r -> results[item.index()] = r);
                    }).merge(Math.max(1, config.concurrencyPerRegion()))
                    .collect().asList());
        });
        Uni<?> all = perRegion.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(perRegion).andFailFast();
        return all.map(done -> {
            Map<String, Integer> summary = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                summary.put(o.name(), 0);
            }
            for (ItemResult r : results) {
                summary.merge(r.outcome().name(), 1, Integer::sum);
            }
            return new BulkBodies.Result(List.of(results), summary);
        });
    }

    private static ItemResult outcome(Item item, Response response) {
        int status = response.getStatus();
        if (status == 200) {
            RegionalWire.Investigation updated = response.readEntity(RegionalWire.Investigation.class);
            return result(item.rrn(), Outcome.ok, null,
                    PublicInvestigation.of(updated, PublicInvestigation.Customer.of(item.customer())));
        }
        ErrorBody body = Upstream.errorBody(response);
        String message = body == null ? null : body.message();
        return switch (status) {
            case 404 -> result(item.rrn(), Outcome.not_found, SingleTarget.INVESTIGATION_NOT_FOUND, null);
            case 403 -> result(item.rrn(), Outcome.forbidden, message, null);
            default -> result(item.rrn(), Outcome.conflict, message == null ? "The region refused the change ("
                    + status + ")." : message, null);
        };
    }

    private static ItemResult failed(Item item, Throwable failure) {
        if (failure instanceof RegionUnavailableException r) {
            return result(item.rrn(), Outcome.region_unavailable, "The region is unavailable (" + r.status().wire()
                    + "); nothing was changed for this item.", null);
        }
        return result(item.rrn(), Outcome.region_unavailable, "The region could not be reached; nothing was changed "
                + "for this item.", null);
    }

    private static ItemResult result(Rrn rrn, Outcome outcome, String message, PublicInvestigation investigation) {
        return new ItemResult(rrn.toString(), outcome, message, investigation);
    }
}
