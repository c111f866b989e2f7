package io.mci.regional.investigation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;
import io.mci.regional.actor.Actor;
import io.mci.regional.audit.repository.AuditRepository;
import io.mci.regional.config.RegionalConfig;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.api.AssigneeInput;
import io.mci.regional.investigation.api.BulkCloseRequest;
import io.mci.regional.investigation.api.BulkCloseResponse;
import io.mci.regional.investigation.api.CreateRequest;
import io.mci.regional.investigation.api.PatchRequest;
import io.mci.regional.investigation.model.FieldChange;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationRef;
import io.mci.regional.investigation.repository.InvestigationRepository;
import io.mci.regional.region.service.HomeRegions;
import io.mci.regional.web.PageBody;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/** One investigation: read, create, PATCH, bulk close, audit trail. Every write audits in its transaction. */
@ApplicationScoped
public class InvestigationService {

    private final Pool pool;
    private final InvestigationRepository investigations;
    private final AuditRepository audit;
    private final HomeRegions homeRegions;
    private final ConditionalWrites writes;
    private final RegionalConfig config;

    public InvestigationService(Pool pool, InvestigationRepository investigations, AuditRepository audit,
            HomeRegions homeRegions, ConditionalWrites writes, RegionalConfig config) {
        this.pool = pool;
        this.investigations = investigations;
        this.audit = audit;
        this.homeRegions = homeRegions;
        this.writes = writes;
        this.config = config;
    }

    public Uni<Investigation> get(InvestigationRef ref) {
        return investigations.find(pool, ref).map(InvestigationService::existing);
    }

    /** The investigation, or a 404 naming no customer content. */
    public static Investigation existing(Investigation i) {
        if (i == null) {
            throw ApiException.notFound("No such investigation for this customer.");
        }
        return i;
    }

    /** Loads and locks the investigation inside a write transaction and checks If-Match against it. */
    public Uni<Investigation> load(SqlClient db, InvestigationRef ref, Long ifMatch) {
        return investigations.findForUpdate(db, ref).map(i -> {
            Investigation found = existing(i);
            ConditionalWrites.check(ifMatch, found.version());
            return found;
        });
    }

    public Uni<Investigation> create(CreateRequest r, Actor actor) {
        if (r == null) {
            return Uni.createFrom().failure(ApiException.badRequest("A JSON body is required."));
        }
        Investigation created;
        List<FieldChange> changes = new ArrayList<>();
        try {
            if (r.organizationId() == null) {
                throw ApiException.badRequest("'organization_id' is required.");
            }
            String title = Inputs.title(r.title(), true);
            List<String> tags = Inputs.tags(r.tags());
            String responsibility = Inputs.optionalText(r.responsibility(), "responsibility", 64);
            String email = null;
            String name = null;
            String assigneeId = null;
            if (r.assignee() != null && r.assignee().email() != null) {
                email = Inputs.email(r.assignee().email(), "assignee.email");
                name = Inputs.optionalText(r.assignee().name(), "assignee.name", 256);
                assigneeId = Inputs.optionalText(r.assignee().id(), "assignee.id", 128);
            }
            String id = ShortIds.next();
            var now = SqlParams.now();
            created = new Investigation(id, Rrn.investigation(homeRegions.region(), r.organizationId(), id).toString(),
                    r.organizationId(), title, or(r.source(), Source.MANUAL), or(r.status(), InvestigationStatus.OPEN),
                    or(r.priority(), Priority.UNSPECIFIED), or(r.disposition(), Disposition.UNDECIDED), assigneeId, email,
                    name == null ? email : name, now, now, null, null, null, tags, responsibility, 1);
            changes.add(new FieldChange("title", null, created.title()));
            changes.add(new FieldChange("source", null, created.source().name()));
            changes.add(new FieldChange("status", null, created.status().name()));
            changes.add(new FieldChange("priority", null, created.priority().name()));
            changes.add(new FieldChange("disposition", null, created.disposition().name()));
            if (email != null) {
                changes.add(new FieldChange("assignee", null, email));
            }
            if (tags != null) {
                changes.add(new FieldChange("tags", null, tagsText(tags)));
            }
            if (responsibility != null) {
                changes.add(new FieldChange("responsibility", null, responsibility));
            }
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(created.organizationId())
                .chain(() -> writes.committed(pool.withTransaction(db -> investigations.insert(db, created)
                        .chain(() -> audit.append(db, created.createdTime(), actor, "CREATE", created.organizationId(),
                                created.id(), created.rrn(), changes))
                        .replaceWith(created))));
    }

    public Uni<Investigation> patch(InvestigationRef ref, PatchRequest p, Long ifMatch, Actor actor) {
        if (p == null) {
            return Uni.createFrom().failure(ApiException.badRequest("A JSON body is required."));
        }
        try {
            Inputs.title(p.title(), false);
            Inputs.tags(p.tags());
            if (p.assignee() != null) {
                Inputs.email(p.assignee().email(), "assignee.email");
                Inputs.optionalText(p.assignee().name(), "assignee.name", 256);
                Inputs.optionalText(p.assignee().id(), "assignee.id", 128);
            }
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return writes.run(ifMatch, () -> pool.withTransaction(db -> load(db, ref, ifMatch).chain(current -> {
            List<FieldChange> changes = new ArrayList<>();
            Investigation next = apply(current, p, changes);
            if (changes.isEmpty()) {
                return Uni.createFrom().item(current);
            }
            Investigation saved = next.withVersion(current.version() + 1, SqlParams.now());
            return investigations.updateIfVersion(db, saved, current.version()).chain(updated -> updated
                    ? audit.append(db, saved.lastAccessed(), actor, "UPDATE", saved.organizationId(), saved.id(),
                            saved.rrn(), changes).replaceWith(saved)
                    : ConditionalWrites.conflict());
        })));
    }

    /** The investigation after the PATCH, and what changed (nothing: the same object back). */
    static Investigation apply(Investigation c, PatchRequest p, List<FieldChange> changes) {
        String title = c.title();
        if (p.title() != null && !p.title().equals(title)) {
            changes.add(new FieldChange("title", title, p.title()));
            title = p.title();
        }
        InvestigationStatus status = c.status();
        if (p.status() != null && p.status() != status) {
            changes.add(new FieldChange("status", status.name(), p.status().name()));
            status = p.status();
        }
        Priority priority = c.priority();
        if (p.priority() != null && p.priority() != priority) {
            changes.add(new FieldChange("priority", priority.name(), p.priority().name()));
            priority = p.priority();
        }
        Disposition disposition = c.disposition();
        if (p.disposition() != null && p.disposition() != disposition) {
            changes.add(new FieldChange("disposition", disposition.name(), p.disposition().name()));
            disposition = p.disposition();
        }
        String assigneeId = c.assigneeId();
        String email = c.assigneeEmail();
        String name = c.assigneeName();
        AssigneeInput a = p.assignee();
        if (a != null) {
            String newEmail = a.email() == null ? null : a.email().trim();
            String newName = newEmail == null ? null : (a.name() != null ? a.name().trim() : newEmail);
            String newId = newEmail == null ? null : (a.id() != null ? a.id().trim() : null);
            boolean sameEmail = Objects.equals(newEmail, email);
            if (!sameEmail || (newEmail != null && (!Objects.equals(newName, name) || !Objects.equals(newId, assigneeId)))) {
                changes.add(new FieldChange("assignee", email, newEmail));
                email = newEmail;
                name = newName;
                assigneeId = newId;
            }
        }
        List<String> tags = c.tags();
        if (p.tags() != null) {
            List<String> newTags = Inputs.tags(p.tags());
            if (!newTags.equals(tags == null ? null : tags)) {
                changes.add(new FieldChange("tags", tags == null ? null : tagsText(tags), tagsText(newTags)));
                tags = newTags;
            }
        }
        if (changes.isEmpty()) {
            return c;
        }
        return new Investigation(c.id(), c.rrn(), c.organizationId(), title, c.source(), status, priority, disposition,
                assigneeId, email, name, c.createdTime(), c.lastAccessed(), c.firstAlertTime(), c.latestAlertTime(),
                c.detectionAlertTime(), tags, c.responsibility(), c.version());
    }

    public Uni<BulkCloseResponse> bulkClose(BulkCloseRequest r, Actor actor) {
        List<UUID> customers;
        Disposition disposition;
        String alertType;
        String ruleRrn;
        try {
            if (r == null) {
                throw ApiException.badRequest("A JSON body is required.");
            }
            customers = Inputs.customers(r.customerIds(), config.query().maxCustomers());
            if (r.source() == null || r.from() == null || r.to() == null) {
                throw ApiException.badRequest("'source', 'from' and 'to' are required.");
            }
            if (r.from().isAfter(r.to())) {
                throw ApiException.badRequest("'from' must not be after 'to'.");
            }
            if (r.maxInvestigationsToClose() != null && r.maxInvestigationsToClose() < 0) {
                throw ApiException.badRequest("'max_investigations_to_close' must be 0 or more.");
            }
            alertType = r.source() == Source.ALERT ? Inputs.optionalText(r.alertType(), "alert_type", 256) : null;
            ruleRrn = r.detectionRuleRrn() == null ? null
                    : Rrn.parse(r.detectionRuleRrn()).toString().toLowerCase(java.util.Locale.ROOT);
            if (r.source() == Source.ALERT && alertType == null && ruleRrn == null) {
                throw ApiException.badRequest("With source ALERT, 'alert_type' or 'detection_rule_rrn' is required.");
            }
            disposition = or(r.disposition(), Disposition.NOT_APPLICABLE);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        Integer max = r.maxInvestigationsToClose();
        return homeRegions.requireLocal(customers).chain(() -> writes.committed(pool.withTransaction(db -> {
            var now = SqlParams.now();
            return investigations.bulkClose(db, customers, r.source(), r.from(), r.to(), alertType, ruleRrn, disposition,
                    now).chain(closed -> {
                        if (max != null && closed.size() > max) {
                            // Failing here rolls the whole transaction back: nothing is closed.
                            return Uni.createFrom().failure(new ApiException(400, "TOO_MANY_TO_CLOSE", closed.size()
                                    + " investigations match, more than max_investigations_to_close (" + max
                                    + "); nothing was closed."));
                        }
                        List<AuditRepository.Entry> entries = new ArrayList<>();
                        for (var c : closed) {
                            List<FieldChange> changes = new ArrayList<>();
                            changes.add(new FieldChange("status", c.oldStatus(), "CLOSED"));
                            if (!c.oldDisposition().equals(c.newDisposition())) {
                                changes.add(new FieldChange("disposition", c.oldDisposition(), c.newDisposition()));
                            }
                            entries.add(new AuditRepository.Entry(c.organizationId(), c.id(), c.rrn(), changes));
                        }
                        return audit.appendAll(db, now, actor, "BULK_CLOSE", entries)
                                .replaceWith(new BulkCloseResponse(closed.stream().map(c -> c.id()).toList(),
                                        closed.stream().map(c -> c.rrn()).toList(), closed.size()));
                    });
        })));
    }

    public Uni<PageBody<AuditRepository.AuditEvent>> audit(InvestigationRef ref, int offset, int limit) {
        return investigations.find(pool, ref).map(InvestigationService::existing)
                .chain(i -> Uni.combine().all().unis(audit.list(pool, ref.organizationId(), ref.id(), offset, limit),
                        audit.count(pool, ref.organizationId(), ref.id())).asTuple())
                .map(t -> new PageBody<>(t.getItem1(), t.getItem2()));
    }

    static String tagsText(List<String> tags) {
        return tags == null ? null : new JsonArray(new ArrayList<Object>(tags)).encode();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
