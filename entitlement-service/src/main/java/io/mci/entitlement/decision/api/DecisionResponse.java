package io.mci.entitlement.decision.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.mci.entitlement.access.model.AccessRole;
import io.mci.entitlement.common.LicenseStatus;
import io.mci.entitlement.common.Times;
import io.mci.entitlement.decision.model.Decision;
import io.mci.entitlement.decision.model.ExclusionReason;

/** The decision on the wire, exactly as docs/internal-api.md specifies it. */
public record DecisionResponse(Analyst analyst, Partner partner, MultiCustomer multiCustomer,
        CustomerRef primaryCustomer, List<Entitled> entitled, List<Excluded> excluded) {

    public record Analyst(UUID id, String subject, String email, String name, UUID partnerId) {
    }

    public record License(String product, LicenseStatus status, Instant expiresAt) {
    }

    public record Partner(UUID id, String name, License license, boolean licenseActive, boolean partnerStatusEnabled) {
    }

    public record MultiCustomer(boolean preferenceEnabled, boolean allowed, ExclusionReason deniedReason) {
    }

    public record CustomerRef(UUID id, String name, String region) {
    }

    public record Entitled(UUID id, String name, String region, AccessRole role, boolean primary, boolean canWrite) {
    }

    public record Excluded(UUID id, String name, String region, ExclusionReason reason, List<ExclusionReason> reasons,
            String detail) {
    }

    public static DecisionResponse of(Decision d) {
        var a = d.analyst();
        var p = d.partner();
        var primary = d.primaryCustomer();
        return new DecisionResponse(
                new Analyst(a.id(), a.subject(), a.email(), a.name(), a.partnerId()),
                new Partner(p.id(), p.name(),
                        new License(p.licenseProduct(),
                                LicenseStatus.effective(p.licenseStatus(), p.licenseExpiresAt(), Times.now()),
                                p.licenseExpiresAt()),
                        d.partnerLicenseActive(), p.partnerStatusEnabled()),
                new MultiCustomer(d.multiCustomer().preferenceEnabled(), d.multiCustomer().allowed(),
                        d.multiCustomer().deniedReason()),
                primary == null ? null : new CustomerRef(primary.id(), primary.name(), primary.region()),
                d.entitled().stream().map(e -> new Entitled(e.customer().id(), e.customer().name(),
                        e.customer().region(), e.role(), e.customer().primary(), e.role().canWrite())).toList(),
                d.excluded().stream().map(x -> new Excluded(x.customer().id(), x.customer().name(),
                        x.customer().region(), x.reason(), x.reasons(), x.reason().detail())).toList());
    }
}
