package io.mci.aggregator.investigation.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.federation.client.RegionRegistry;
import io.mci.aggregator.federation.client.RegionRegistry.Region;
import io.mci.aggregator.federation.client.RegionUnavailableException;
import io.mci.aggregator.federation.client.RegionalWire;
import io.mci.aggregator.investigation.api.PublicInvestigation;
import io.mci.aggregator.security.Access;
import io.mci.aggregator.support.Upstream;
import io.mci.contract.error.ApiException;
import io.mci.contract.error.ErrorBody;
import io.mci.contract.rrn.Rrn;
import io.mci.contract.rrn.ShortIds;
import io.quarkus.logging.Log;

/**
 * Finds where one investigation (or comment) lives and whether the analyst may touch it, and turns regional
 * answers into public ones. An RRN of a customer the analyst is not entitled to is answered exactly like one
 * that does not exist, and its region is never asked.
 */
@ApplicationScoped
public class SingleTarget {

    public static final String INVESTIGATION_NOT_FOUND = "Investigation not found.";
    public static final String COMMENT_NOT_FOUND = "Comment not found.";

    private final RegionRegistry registry;

    public SingleTarget(RegionRegistry registry) {
        this.registry = registry;
    }

    /** Where a request goes: the customer, its region, and the reference to send (RRN or short id). */
    public record Target(Decision decision, Decision.Entitled customer, Region region, String ref) {
        public String customerId() {
            return customer.id().toString();
        }

        public PublicInvestigation.Customer publicCustomer() {
            return PublicInvestigation.Customer.of(customer);
        }
    }

    /** An investigation by short id (in the single-customer context) or RRN (in its own region). */
    public Target investigation(Decision decision, String ref, boolean multiCustomer, String customerHeader) {
        if (multiCustomer) {
            Access.requireMultiCustomer(decision);
        }
        if (ref != null && Rrn.looksLikeRrn(ref)) {
            Rrn rrn = Rrn.parse(ref, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
            return byRrn(decision, rrn.organizationId(), rrn.region(), rrn.toString(), INVESTIGATION_NOT_FOUND);
        }
        if (multiCustomer) {
            throw ApiException.badRequest("With multi-customer=true the investigation must be named by its RRN.");
        }
        if (!ShortIds.isShortId(ref)) {
            throw ApiException.badRequest("Invalid investigation id '" + ref
                    + "': expected 12 letters or digits, or an investigation RRN.");
        }
        Decision.Entitled customer = Access.singleCustomer(decision, customerHeader);
        return new Target(decision, customer, regionOf(customer), ref.toUpperCase(java.util.Locale.ROOT));
    }

    /** The single-customer context's customer as a target (create, bulk_close). */
    public Target inCustomer(Decision decision, Decision.Entitled customer) {
        return new Target(decision, customer, regionOf(customer), null);
    }

    /** An investigation by RRN only (comment targets). */
    public Target investigationRrn(Decision decision, String rrnText) {
        if (rrnText == null || rrnText.isBlank()) {
            throw ApiException.badRequest("'target' is required: the RRN of an investigation.");
        }
        Rrn rrn = Rrn.parse(rrnText, Rrn.INVESTIGATION_SERVICE, Rrn.INVESTIGATION);
        return byRrn(decision, rrn.organizationId(), rrn.region(), rrn.toString(), INVESTIGATION_NOT_FOUND);
    }

    public Target comment(Decision decision, String rrnText) {
        Rrn rrn = Rrn.parse(rrnText, Rrn.INVESTIGATION_SERVICE, Rrn.COMMENT);
        return byRrn(decision, rrn.organizationId(), rrn.region(), rrn.toString(), COMMENT_NOT_FOUND);
    }

    private Target byRrn(Decision decision, UUID organization, String region, String ref, String notFound) {
        Decision.Entitled customer = decision.entitledCustomer(organization)
                .filter(c -> region.equals(c.region()))
                .orElseThrow(() -> ApiException.notFound(notFound));
        return new Target(decision, customer, regionOf(customer), ref);
    }

    private Region regionOf(Decision.Entitled customer) {
        return registry.region(customer.region()).orElseThrow(() -> {
            Log.warnf("Customer homed in region %s, which is not configured here", customer.region());
            return new ApiException(503, "REGION_UNAVAILABLE", "The customer's region is not served by this aggregator.");
        });
    }

    /** A regional answer that carries an investigation, as the public item; errors as the public API says them. */
    public static PublicInvestigation investigation(Target target, Response response) {
        RegionalWire.Investigation item = read(response, RegionalWire.Investigation.class, INVESTIGATION_NOT_FOUND);
        if (item.organizationId() != null && !item.organizationId().equals(target.customer().id())) {
            // A region must never hand us another customer's investigation; treat it as not there.
            Log.warnf("Region %s answered with an investigation of another customer", target.region().id());
            throw ApiException.notFound(INVESTIGATION_NOT_FOUND);
        }
        return PublicInvestigation.of(item, target.publicCustomer());
    }

    /** The entity of a 200/201, or the public error for anything else. */
    public static <T> T read(Response response, Class<T> type, String notFoundMessage) {
        int status = response.getStatus();
        if (status == 200 || status == 201) {
            return response.readEntity(type);
        }
        throw failure(response, notFoundMessage);
    }

    public static ApiException failure(Response response, String notFoundMessage) {
        int status = response.getStatus();
        ErrorBody body = Upstream.errorBody(response);
        String code = body == null ? null : body.code();
        return switch (status) {
            case 404 -> ApiException.notFound(notFoundMessage);
            case 412 -> ApiException.preconditionFailed(
                    "The investigation has changed since the version you named in If-Match; read it again.");
            case 400, 409 -> new ApiException(status, code == null ? (status == 400 ? "BAD_REQUEST" : "CONFLICT") : code,
                    body == null || body.message() == null ? "The region refused the request." : body.message(),
                    body == null ? null : body.accepted());
            default -> {
                Log.warnf("Region answered %d (code %s)", status, code);
                yield new ApiException(502, "REGION_ERROR", "The customer's region gave an unexpected answer.");
            }
        };
    }

    /** The public error when a region cannot serve a single-item call. */
    public static Throwable unavailable(Throwable failure) {
        if (failure instanceof RegionUnavailableException r) {
            return switch (r.status()) {
                case TIMEOUT -> new ApiException(504, "REGION_TIMEOUT", "The customer's region did not answer in time.");
                case CIRCUIT_OPEN -> new ApiException(503, "REGION_UNAVAILABLE",
                        "The customer's region is unavailable (failing repeatedly); try again later.");
                default -> new ApiException(502, "REGION_ERROR", "The customer's region failed to answer.");
            };
        }
        return failure;
    }
}
