package io.mci.aggregator.investigation.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.federation.client.Actor;
import io.mci.aggregator.federation.client.RegionalClient;
import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.Page;
import io.mci.aggregator.investigation.api.PublicInvestigation;
import io.mci.aggregator.investigation.api.WriteBodies;
import io.mci.aggregator.investigation.service.SingleTarget.Target;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.security.Caller;
import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;
import io.mci.contract.time.Timestamps;
import io.smallrye.mutiny.Uni;

/**
 * Everything on one investigation: read it, change it, its alerts; and create / bulk-close in the
 * single-customer context. Each call asks the entitlement service, then only the investigation's home region.
 */
@ApplicationScoped
public class InvestigationService {

    private final Access access;
    private final SingleTarget targets;
    private final RegionalClient regions;
    private final EntitlementClient entitlement;

    public InvestigationService(Access access, SingleTarget targets, RegionalClient regions,
            EntitlementClient entitlement) {
        this.access = access;
        this.targets = targets;
        this.regions = regions;
        this.entitlement = entitlement;
    }

    /** An investigation and its ETag. */
    public record Single(PublicInvestigation investigation, String etag) {
    }

    /** What one update changes; null = unchanged. {@code assign} true with a null email unassigns. */
    public record Change(String title, String status, String priority, String disposition, boolean assign,
            String assigneeEmail) {
        static Change none() {
            return new Change(null, null, null, null, false, null);
        }
    }

    public Uni<Single> get(Caller caller, String ref, boolean multi, String customerHeader) {
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigation(decision, ref, multi, customerHeader);
            Actor actor = Access.actor(decision, caller, null);
            return regions.read(t.region(), "get", deadline(caller, t),
                    auth -> t.region().api().get(t.ref(), t.customerId(), actorHeaders(actor, auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> single(t, r));
        });
    }

    public Uni<Single> update(Caller caller, String ref, boolean multi, String customerHeader, String ifMatch,
            String entryPoint, Change change) {
        validate(change);
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigation(decision, ref, multi, customerHeader);
            Access.requireWrite(t.customer());
            Actor actor = Access.actor(decision, caller, entryPoint);
            return assignee(caller, t.customer().id(), change).chain(assignee -> {
                RegionalWire.PatchRequest patch = new RegionalWire.PatchRequest(change.title(), change.status(),
                        change.priority(), change.disposition(), assignee);
                return regions.write(t.region(), "patch",
                        auth -> t.region().api().patch(t.ref(), t.customerId(), patch, actorHeaders(actor, auth, ifMatch)))
                        .onFailure().transform(SingleTarget::unavailable)
                        .map(r -> single(t, r));
            });
        });
    }

    public Uni<Single> create(Caller caller, String customerHeader, WriteBodies.Create body) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body with at least a title.");
        }
        Change change = normalized(body.title(), body.status(), body.priority(), body.disposition(),
                body.assignee() != null && body.assignee().email() != null,
                body.assignee() == null ? null : body.assignee().email());
        if (body.title() == null || body.title().isBlank()) {
            throw ApiException.badRequest("'title' is required (1 to 1024 characters).");
        }
        validate(change);
        return access.decision(caller).chain(decision -> {
            Decision.Entitled customer = Access.singleCustomer(decision, customerHeader);
            return createIn(caller, decision, customer, change);
        });
    }

    private Uni<Single> createIn(Caller caller, Decision decision, Decision.Entitled customer, Change change) {
        Access.requireWrite(customer);
        Target t = targets.inCustomer(decision, customer);
        Actor actor = Access.actor(decision, caller, "v2 POST /idr/v2/investigations");
        return assignee(caller, customer.id(), change).chain(assignee -> {
            RegionalWire.PatchAssignee regionalAssignee = assignee == null || assignee.email() == null ? null : assignee;
            RegionalWire.CreateRequest request = new RegionalWire.CreateRequest(customer.id(), change.title().trim(),
                    change.status(), change.priority(), change.disposition(), Source.MANUAL.name(), regionalAssignee);
            return regions.write(t.region(), "create",
                    auth -> t.region().api().create(request, actorHeaders(actor, auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> single(t, r));
        });
    }

    public Uni<Page<RegionalWire.Alert>> alerts(Caller caller, String ref, boolean multi, String customerHeader,
            int index, int size) {
        if (((long) index + 1) * size > 10_000) {
            throw ApiException.badRequest("Alerts are paged up to the first 10000: (index + 1) * size must not exceed 10000.");
        }
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigation(decision, ref, multi, customerHeader);
            Actor actor = Access.actor(decision, caller, null);
            int offset = Math.multiplyExact(index, size);
            return regions.read(t.region(), "alerts", deadline(caller, t),
                    auth -> t.region().api().alerts(t.ref(), t.customerId(), offset, size, actorHeaders(actor, auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> {
                        RegionalWire.AlertPage page = SingleTarget.read(r, RegionalWire.AlertPage.class,
                                SingleTarget.INVESTIGATION_NOT_FOUND);
                        return new Page<>(page.items(), Page.Metadata.of(index, size, page.total()));
                    });
        });
    }

    public Uni<Single> unlinkAlert(Caller caller, String ref, String alertRrn, boolean multi, String customerHeader,
            String ifMatch) {
        if (alertRrn == null || alertRrn.isBlank()) {
            throw ApiException.badRequest("The alert RRN is required.");
        }
        return access.decision(caller).chain(decision -> {
            Target t = targets.investigation(decision, ref, multi, customerHeader);
            Access.requireWrite(t.customer());
            Actor actor = Access.actor(decision, caller, "v2 DELETE /idr/v2/investigations/{id}/alerts/{alert_rrn}");
            return regions.write(t.region(), "unlink-alert",
                    auth -> t.region().api().unlinkAlert(t.ref(), alertRrn.trim(), t.customerId(),
                            actorHeaders(actor, auth, ifMatch)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> single(t, r));
        });
    }

    /** The original's Rapid7-product alert info: MCI keeps none, so an accessible investigation has an empty list. */
    public Uni<List<Object>> productAlerts(Caller caller, String ref, boolean multi, String customerHeader) {
        return get(caller, ref, multi, customerHeader).map(found -> List.of());
    }

    public Uni<WriteBodies.Closed> bulkClose(Caller caller, String customerHeader, WriteBodies.BulkClose body) {
        RegionalWire.BulkCloseRequest template = bulkCloseRequest(body);
        return access.decision(caller).chain(decision -> {
            Decision.Entitled customer = Access.singleCustomer(decision, customerHeader);
            Access.requireWrite(customer);
            Target t = targets.inCustomer(decision, customer);
            Actor actor = Access.actor(decision, caller, "v2 POST /idr/v2/investigations/bulk_close");
            RegionalWire.BulkCloseRequest request = new RegionalWire.BulkCloseRequest(List.of(customer.id()),
                    template.source(), template.from(), template.to(), template.alertType(), template.detectionRuleRrn(),
                    template.disposition(), template.maxInvestigationsToClose());
            return regions.write(t.region(), "bulk-close",
                    auth -> t.region().api().bulkClose(request, actorHeaders(actor, auth, null)))
                    .onFailure().transform(SingleTarget::unavailable)
                    .map(r -> {
                        RegionalWire.BulkCloseResponse closed = SingleTarget.read(r, RegionalWire.BulkCloseResponse.class,
                                SingleTarget.INVESTIGATION_NOT_FOUND);
                        return new WriteBodies.Closed(closed.ids() == null ? List.of() : closed.ids(), closed.numClosed(),
                                closed.rrns() == null ? List.of() : closed.rrns());
                    });
        });
    }

    static RegionalWire.BulkCloseRequest bulkCloseRequest(WriteBodies.BulkClose body) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body with source, from and to.");
        }
        if (body.source() == null || body.from() == null || body.to() == null) {
            throw ApiException.badRequest("'source', 'from' and 'to' are required.");
        }
        Source source = Source.parse(body.source());
        if (source != Source.ALERT && source != Source.MANUAL && source != Source.HUNT) {
            throw ApiException.badRequest("Invalid source '" + body.source() + "' for bulk_close. Accepted values: ALERT, MANUAL, HUNT.",
                    List.of("ALERT", "MANUAL", "HUNT"));
        }
        if (source == Source.ALERT && (body.alertType() == null || body.alertType().isBlank())
                && (body.detectionRuleRrn() == null || body.detectionRuleRrn().isBlank())) {
            throw ApiException.badRequest("'alert_type' or 'detection_rule_rrn' is required when source is ALERT.");
        }
        var from = Timestamps.parse("from", body.from());
        var to = Timestamps.parse("to", body.to());
        if (from.isAfter(to)) {
            throw ApiException.badRequest("'from' must not be after 'to'.");
        }
        if (body.maxInvestigationsToClose() != null && body.maxInvestigationsToClose() < 0) {
            throw ApiException.badRequest("'max_investigations_to_close' must be 0 or more.");
        }
        String disposition = body.disposition() == null ? Disposition.NOT_APPLICABLE.name()
                : Disposition.parse(body.disposition()).name();
        return new RegionalWire.BulkCloseRequest(List.of(), source.name(), from, to,
                source == Source.ALERT ? body.alertType() : null, body.detectionRuleRrn(), disposition,
                body.maxInvestigationsToClose());
    }

    /** Normalizes and checks a change before anyone is asked. */
    static void validate(Change change) {
        if (change.title() != null && (change.title().isBlank() || change.title().length() > 1024)) {
            throw ApiException.badRequest("'title' must be 1 to 1024 characters.");
        }
    }

    /** Parses enum values of a change case-insensitively into their canonical names. */
    public static Change normalized(String title, String status, String priority, String disposition, boolean assign,
            String email) {
        return new Change(title,
                status == null ? null : InvestigationStatus.parse(status).name(),
                priority == null ? null : Priority.parse(priority).name(),
                disposition == null ? null : Disposition.parse(disposition).name(),
                assign, email == null ? null : email.trim());
    }

    /** The regional assignee of a change: validated against the customer's assignable users, with the user's name. */
    private Uni<RegionalWire.PatchAssignee> assignee(Caller caller, UUID customer, Change change) {
        if (!change.assign()) {
            return Uni.createFrom().nullItem();
        }
        if (change.assigneeEmail() == null) {
            return Uni.createFrom().item(new RegionalWire.PatchAssignee(null, null, null));
        }
        return entitlement.assignableUsers(caller, customer).map(users -> users.users().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(change.assigneeEmail()))
                .findFirst()
                .map(u -> new RegionalWire.PatchAssignee(u.email(), u.name(), u.id()))
                .orElseThrow(() -> new ApiException(400, "UNKNOWN_ASSIGNEE", "'" + change.assigneeEmail()
                        + "' is not a user who can be assigned investigations of this customer. "
                        + "See GET /mci/v1/customers/" + customer + "/assignable-users.")));
    }

    private static Single single(Target t, Response r) {
        PublicInvestigation item = SingleTarget.investigation(t, r);
        String etag = r.getHeaderString("ETag");
        if (etag == null && item.version() != null) {
            etag = "\"" + item.version() + "\"";
        }
        return new Single(item, etag);
    }

    static long deadline(Caller caller, Target t) {
        return caller.arrivedNanos() + t.region().deadline().toNanos();
    }

    static io.mci.aggregator.federation.client.CallHeaders actorHeaders(Actor actor, String auth, String ifMatch) {
        return actor.callHeaders(auth, ifMatch);
    }
}
