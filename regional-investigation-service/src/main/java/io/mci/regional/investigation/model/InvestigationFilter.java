package io.mci.regional.investigation.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.mci.contract.investigation.Disposition;
import io.mci.contract.investigation.InvestigationStatus;
import io.mci.contract.investigation.Priority;
import io.mci.contract.investigation.Source;

/**
 * The validated filters of a federation query. Empty sets and nulls mean "no filter". Strings are already
 * normalised: {@code assigneeEmail}, the contains-texts and rule RRNs lower-case, MITRE codes upper-case.
 */
public record InvestigationFilter(
        List<UUID> customers,
        Set<InvestigationStatus> statuses,
        Set<Priority> priorities,
        Set<Source> sources,
        Set<Disposition> dispositions,
        String assigneeEmail,
        List<String> assigneeIds,
        List<String> tags,
        Instant createdFrom,
        Instant createdTo,
        String titleContains,
        List<String> rrns,
        List<String> shortIds,
        List<String> alertRuleRrns,
        List<String> alertMitreTCodes,
        String actorAssetHostnameContains,
        String actorUserNameContains) {
}
