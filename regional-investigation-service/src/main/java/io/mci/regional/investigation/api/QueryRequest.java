package io.mci.regional.investigation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;

/** Body of {@code POST /regional/v1/investigations/query}. */
public record QueryRequest(
        List<UUID> customerIds,
        List<InvestigationStatus> statuses,
        List<Priority> priorities,
        List<Source> sources,
        List<Disposition> dispositions,
        String assigneeEmail,
        List<String> assigneeIds,
        List<String> tags,
        Instant createdFrom,
        Instant createdTo,
        String titleContains,
        List<String> rrns,
        List<String> alertRuleRrns,
        @JsonProperty("alert_mitre_t_codes") List<String> alertMitreTCodes,
        String actorAssetHostnameContains,
        String actorUserNameContains,
        Sort sort,
        PositionBody after,
        Integer offset,
        Integer limit,
        Boolean includeTotal) {

    /** {@code {"field": "priority", "order": "DESC"}}. */
    public record Sort(String field, String order) {
    }
}
