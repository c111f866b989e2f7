package io.mci.regional.investigation.service;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;
import io.mci.regional.investigation.model.InvestigationRef;
import io.mci.regional.region.service.HomeRegions;
import io.smallrye.mutiny.Uni;

/**
 * Turns {@code {ref}} (short id or RRN) plus {@code customer_id} into an {@link InvestigationRef} and applies the
 * home-region rule: an RRN of another region is 421, a customer homed elsewhere 421, unknown 404.
 */
@ApplicationScoped
public class References {

    private final HomeRegions homeRegions;

    public References(HomeRegions homeRegions) {
        this.homeRegions = homeRegions;
    }

    public Uni<InvestigationRef> investigation(String ref, String customerId) {
        InvestigationRef resolved;
        try {
            resolved = parse(ref, customerId);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(resolved.organizationId()).replaceWith(resolved);
    }

    /** An investigation RRN (of this region, of a local customer). */
    public Uni<InvestigationRef> investigationRrn(String rrnText, String what) {
        InvestigationRef resolved;
        try {
            if (rrnText == null || rrnText.isBlank()) {
                throw ApiException.badRequest("'" + what + "' is required: an investigation RRN.");
            }
            Rrn rrn = Rrn.parse(rrnText, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
            homeRegions.requireOwnRegion(rrn);
            resolved = new InvestigationRef(rrn.organizationId(), shortId(rrn.id()));
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(resolved.organizationId()).replaceWith(resolved);
    }

    /** A comment RRN (of this region, of a local customer): its customer and short id. */
    public Uni<InvestigationRef> commentRrn(String rrnText) {
        InvestigationRef resolved;
        try {
            Rrn rrn = Rrn.parse(rrnText, Rrn.INVESTIGATION_SERVICE, Rrn.COMMENT);
            homeRegions.requireOwnRegion(rrn);
            resolved = new InvestigationRef(rrn.organizationId(), shortId(rrn.id()));
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return homeRegions.requireLocal(resolved.organizationId()).replaceWith(resolved);
    }

    /** An alert RRN of this region: its customer and short id (the caller checks it belongs to the investigation). */
    public InvestigationRef alertRrn(String rrnText) {
        Rrn rrn = Rrn.parse(rrnText, Rrn.ALERTS_SERVICE, Rrn.ALERT);
        homeRegions.requireOwnRegion(rrn);
        return new InvestigationRef(rrn.organizationId(), shortId(rrn.id()));
    }

    InvestigationRef parse(String ref, String customerId) {
        UUID customer = customerId == null || customerId.isBlank() ? null : uuid(customerId);
        if (ref != null && Rrn.looksLikeRrn(ref)) {
            Rrn rrn = Rrn.parse(ref, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
            homeRegions.requireOwnRegion(rrn);
            if (customer != null && !customer.equals(rrn.organizationId())) {
                throw ApiException.notFound("No such investigation for customer " + customer + ".");
            }
            return new InvestigationRef(rrn.organizationId(), shortId(rrn.id()));
        }
        if (!ShortIds.isShortId(ref)) {
            throw ApiException.badRequest("The investigation reference must be an RRN or a 12-character short id.");
        }
        if (customer == null) {
            throw ApiException.badRequest("'customer_id' is required with a short id.");
        }
        return new InvestigationRef(customer, ref.toUpperCase(Locale.ROOT));
    }

    private static String shortId(String id) {
        if (!ShortIds.isShortId(id)) {
            throw ApiException.badRequest("Malformed RRN: the id part must be 12 letters or digits.");
        }
        return id.toUpperCase(Locale.ROOT);
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'customer_id' must be a UUID.");
        }
    }
}
