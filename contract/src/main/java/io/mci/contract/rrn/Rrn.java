package io.mci.contract.rrn;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mci.contract.error.ApiException;

/**
 * A Rapid7-style resource name: {@code rrn:<service>:<region>:<organization_id>:<type>:<id>}, as in
 * {@code rrn:investigation:us:174e4f99-2ac7-4481-9301-4d24c34baf06:investigation:6A74T2A4XYZ1}.
 * The region part tells which regional service owns the resource; the organization part which customer.
 */
public record Rrn(String service, String region, UUID organizationId, String type, String id) {

    public static final String INVESTIGATION_SERVICE = "investigation";
    public static final String INVESTIGATION = "investigation";
    public static final String COMMENT = "comment";
    public static final String ALERTS_SERVICE = "alerts";
    public static final String ALERT = "alert";

    private static final Pattern FORM = Pattern.compile(
            "rrn:([a-z0-9-]{1,32}):([a-z0-9-]{1,16}):([0-9a-fA-F-]{36}):([a-z0-9-]{1,32}):([A-Za-z0-9-]{1,64})");

    public Rrn {
        Objects.requireNonNull(service);
        Objects.requireNonNull(region);
        Objects.requireNonNull(organizationId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
    }

    public static Rrn investigation(String region, UUID organizationId, String shortId) {
        return new Rrn(INVESTIGATION_SERVICE, region, organizationId, INVESTIGATION, shortId);
    }

    public static Rrn comment(String region, UUID organizationId, String shortId) {
        return new Rrn(INVESTIGATION_SERVICE, region, organizationId, COMMENT, shortId);
    }

    public static Rrn alert(String region, UUID organizationId, String shortId) {
        return new Rrn(ALERTS_SERVICE, region, organizationId, ALERT, shortId);
    }

    /** True when the text looks like an RRN at all (starts with {@code rrn:}), valid or not. */
    public static boolean looksLikeRrn(String text) {
        return text != null && text.regionMatches(true, 0, "rrn:", 0, 4);
    }

    /** Parses any RRN; a malformed one is a 400 with the expected form. */
    public static Rrn parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw ApiException.badRequest("Malformed RRN. Expected rrn:<service>:<region>:<organization_id>:<type>:<id>.");
        }
        UUID org;
        try {
            org = UUID.fromString(m.group(3));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed RRN: the organization part is not a UUID.");
        }
        return new Rrn(m.group(1), m.group(2), org, m.group(4), m.group(5).toUpperCase(Locale.ROOT));
    }

    /** Parses an RRN that must name a resource of the given service and type. */
    public static Rrn parse(String text, String service, String type) {
        Rrn rrn = parse(text);
        if (!rrn.service.equals(service) || !rrn.type.equals(type)) {
            throw ApiException.badRequest("Malformed RRN: expected an RRN of the form rrn:" + service
                    + ":<region>:<organization_id>:" + type + ":<id>.");
        }
        return rrn;
    }

    @Override
    public String toString() {
        return "rrn:" + service + ":" + region + ":" + organizationId + ":" + type + ":" + id;
    }
}
