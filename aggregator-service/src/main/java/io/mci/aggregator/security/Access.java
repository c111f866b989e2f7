package io.mci.aggregator.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.aggregator.entitlement.client.Decision;
import io.mci.aggregator.entitlement.client.EntitlementClient;
import io.mci.aggregator.federation.client.Actor;
import io.mci.contract.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Enforcement, in one place: which customers a request covers (multi-customer or one customer's context),
 * whether the analyst may write in a customer, and who the acting analyst is towards the regions. Every
 * answer comes from the entitlement service's decision, fetched for every request (never cached, so a
 * revoked grant takes effect at once).
 */
@ApplicationScoped
public class Access {

    public static final String CUSTOMER_HEADER = "X-Customer-Id";

    private final EntitlementClient entitlement;

    public Access(EntitlementClient entitlement) {
        this.entitlement = entitlement;
    }

    public Uni<Decision> decision(Caller caller) {
        return entitlement.decision(caller);
    }

    /** The customers one request covers. */
    public record Scope(boolean multiCustomer, Map<UUID, Decision.Entitled> customers) {
        /** A stable name of the scope, part of a cursor's fingerprint. */
        public String key() {
            return multiCustomer ? "multi" : "customer:" + customers.keySet().iterator().next();
        }
    }

    /**
     * {@code multi-customer=true}: every entitled customer, if multi-customer access is allowed (else 403 with the
     * decision's reason as code). Otherwise one customer: the one named by {@code X-Customer-Id} (entitled, else
     * 403 with its exclusion reason or 404), else the partner's primary customer.
     */
    public static Scope scope(Decision decision, boolean multiCustomer, String customerHeader) {
        if (multiCustomer) {
            requireMultiCustomer(decision);
            Map<UUID, Decision.Entitled> all = new LinkedHashMap<>();
            decision.entitled().forEach(c -> all.put(c.id(), c));
            return new Scope(true, all);
        }
        Decision.Entitled customer = singleCustomer(decision, customerHeader);
        return new Scope(false, Map.of(customer.id(), customer));
    }

    /** The customer of the single-customer context: X-Customer-Id, else the primary customer. */
    public static Decision.Entitled singleCustomer(Decision decision, String customerHeader) {
        UUID id;
        if (customerHeader != null && !customerHeader.isBlank()) {
            id = parseCustomerId(customerHeader, CUSTOMER_HEADER);
        } else if (decision.primaryCustomer() != null && decision.primaryCustomer().id() != null) {
            id = decision.primaryCustomer().id();
        } else {
            throw ApiException.forbidden("NO_PRIMARY_CUSTOMER",
                    "Your partner has no primary customer; name a customer with the X-Customer-Id header.");
        }
        return entitledOrRefuse(decision, id);
    }

    /** An entitled customer, or 403 with the reason it is excluded, or 404 when the analyst's partner has no such customer. */
    public static Decision.Entitled entitledOrRefuse(Decision decision, UUID id) {
        return decision.entitledCustomer(id).orElseThrow(() -> decision.excludedCustomer(id)
                .<ApiException>map(x -> ApiException.forbidden(x.reason() == null ? "NOT_ENTITLED" : x.reason(),
                        sentence("You may not access customer " + id + ": " + (x.detail() != null ? x.detail()
                                : x.reason()))))
                .orElseGet(EntitlementClient::customerNotFound));
    }

    /** The text ending in exactly one full stop (the entitlement service's details already end in one). */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    public static void requireMultiCustomer(Decision decision) {
        if (!decision.multiCustomerAllowed()) {
            String reason = decision.multiCustomer() == null || decision.multiCustomer().deniedReason() == null
                    ? "MULTI_CUSTOMER_NOT_ALLOWED" : decision.multiCustomer().deniedReason();
            throw ApiException.forbidden(reason, "Multi-customer access is not available to you: " + reason
                    + ". See GET /mci/v1/me for your partner's licence, partner status and your preference.");
        }
    }

    /** Writes need ANALYST or ADMINISTRATOR in the customer; a VIEWER gets 403. */
    public static void requireWrite(Decision.Entitled customer) {
        if (!customer.canWrite()) {
            throw ApiException.forbidden("INSUFFICIENT_ROLE", "Your role in this customer (" + customer.role()
                    + ") does not allow changes; ANALYST or ADMINISTRATOR is needed.");
        }
    }

    public static UUID parseCustomerId(String text, String what) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid " + what + " '" + text + "': expected a customer UUID.");
        }
    }

    /** The acting analyst towards the regions, as the entitlement service knows them. */
    public static Actor actor(Decision decision, Caller caller, String entryPoint) {
        Decision.Analyst a = decision.analyst();
        String id = a == null || a.id() == null ? caller.subject() : a.id();
        String email = a == null ? null : a.email();
        String name = a == null ? null : a.name();
        return new Actor(id, email, name, "USER", caller.correlationId(), entryPoint);
    }
}
