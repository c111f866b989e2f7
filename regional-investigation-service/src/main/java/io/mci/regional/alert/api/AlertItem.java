package io.mci.regional.alert.api;

import java.time.Instant;

import io.mci.regional.alert.repository.AlertRepository.Alert;

/** The alert item (v2 investigation alert, snake_case). */
public record AlertItem(String rrn, String id, String title, String alertType, String alertTypeDescription,
        Instant createdTime, Instant firstEventTime, Instant latestEventTime, String alertSource,
        DetectionRule detectionRuleRrn) {

    /** The detection rule that generated the alert. */
    public record DetectionRule(String ruleName, String ruleRrn) {
    }

    public static AlertItem of(Alert a) {
        return new AlertItem(a.rrn(), a.id(), a.title(), a.alertType(), a.alertTypeDescription(), a.createdTime(),
                a.firstEventTime(), a.latestEventTime(), a.alertSource(),
                a.detectionRuleRrn() == null ? null : new DetectionRule(a.detectionRuleName(), a.detectionRuleRrn()));
    }
}
