package io.mci.regional.alert.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.time.Timestamps;
import io.mci.regional.actor.Actor;
import io.mci.regional.alert.api.AlertItem;
import io.mci.regional.alert.repository.AlertRepository;
import io.mci.regional.audit.repository.AuditRepository;
import io.mci.regional.db.SqlParams;
import io.mci.regional.investigation.model.FieldChange;
import io.mci.regional.investigation.model.Investigation;
import io.mci.regional.investigation.model.InvestigationRef;
import io.mci.regional.investigation.repository.InvestigationRepository;
import io.mci.regional.investigation.service.ConditionalWrites;
import io.mci.regional.investigation.service.InvestigationService;
import io.mci.regional.web.PageBody;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The alerts of one investigation: list, and unlink (which recomputes the investigation's alert times). */
@ApplicationScoped
public class AlertService {

    private final Pool pool;
    private final AlertRepository alerts;
    private final InvestigationRepository investigations;
    private final InvestigationService investigationService;
    private final AuditRepository audit;
    private final ConditionalWrites writes;

    public AlertService(Pool pool, AlertRepository alerts, InvestigationRepository investigations,
            InvestigationService investigationService, AuditRepository audit, ConditionalWrites writes) {
        this.pool = pool;
        this.alerts = alerts;
        this.investigations = investigations;
        this.investigationService = investigationService;
        this.audit = audit;
        this.writes = writes;
    }

    public Uni<PageBody<AlertItem>> list(InvestigationRef ref, int offset, int limit) {
        return investigations.find(pool, ref).map(InvestigationService::existing)
                .chain(i -> Uni.combine().all().unis(alerts.list(pool, i.id(), offset, limit), alerts.count(pool, i.id()))
                        .asTuple())
                .map(t -> new PageBody<>(t.getItem1().stream().map(AlertItem::of).toList(), t.getItem2()));
    }

    public Uni<Investigation> unlink(InvestigationRef ref, InvestigationRef alert, String alertRrn, Long ifMatch,
            Actor actor) {
        if (!alert.organizationId().equals(ref.organizationId())) {
            return Uni.createFrom().failure(ApiException.notFound("No such alert in this investigation."));
        }
        return writes.run(ifMatch, () -> pool.withTransaction(db -> investigationService.load(db, ref, ifMatch)
                .chain(current -> alerts.unlink(db, alert, current.id()).chain(unlinked -> {
                    if (!unlinked) {
                        return Uni.createFrom().<Investigation>failure(
                                ApiException.notFound("No such alert in this investigation."));
                    }
                    return alerts.times(db, current.id()).chain(t -> {
                        List<FieldChange> changes = new ArrayList<>();
                        changes.add(new FieldChange("alerts", alertRrn, null));
                        diff(changes, "first_alert_time", current.firstAlertTime(), t.first());
                        diff(changes, "latest_alert_time", current.latestAlertTime(), t.latest());
                        diff(changes, "alerts_most_recent_detection_created_time", current.detectionAlertTime(),
                                t.latestDetection());
                        Investigation next = new Investigation(current.id(), current.rrn(), current.organizationId(),
                                current.title(), current.source(), current.status(), current.priority(),
                                current.disposition(), current.assigneeId(), current.assigneeEmail(),
                                current.assigneeName(), current.createdTime(), SqlParams.now(), t.first(), t.latest(),
                                t.latestDetection(), current.tags(), current.responsibility(), current.version() + 1);
                        return investigations.updateIfVersion(db, next, current.version()).chain(ok -> ok
                                ? audit.append(db, next.lastAccessed(), actor, "ALERT_UNLINK", next.organizationId(),
                                        next.id(), next.rrn(), changes).replaceWith(next)
                                : ConditionalWrites.conflict());
                    });
                }))));
    }

    private static void diff(List<FieldChange> changes, String field, java.time.Instant from, java.time.Instant to) {
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, Timestamps.format(from), Timestamps.format(to)));
        }
    }
}
