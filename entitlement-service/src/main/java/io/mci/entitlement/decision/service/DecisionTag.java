package io.mci.entitlement.decision.service;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mci.entitlement.decision.model.DecisionFacts;

/**
 * The ETag of a decision: the decision generation its facts were read at, and the instant until which the clock
 * alone cannot change it (the earliest licence expiry still ahead of it, 0 when no licence expires). A decision held
 * by a caller is still right while the generation has not moved and that instant has not come.
 */
public record DecisionTag(long generation, long clockValidUntilMillis) {

    private static final Pattern FORM = Pattern.compile("^(?:W/)?\"d(\\d{1,18})-(\\d{1,18})\"$");

    /** The tag of a decision computed at {@code now} from these facts. */
    public static DecisionTag of(DecisionFacts facts, long generation, Instant now) {
        Instant until = later(null, facts.partner().licenseExpiresAt(), now);
        for (DecisionFacts.Customer c : facts.customers()) {
            until = later(until, c.licenseExpiresAt(), now);
        }
        return new DecisionTag(generation, until == null ? 0 : until.toEpochMilli());
    }

    /** The earliest of {@code current} and {@code expiry}, counting only expiries after {@code now}. */
    private static Instant later(Instant current, Instant expiry, Instant now) {
        if (expiry == null || !expiry.isAfter(now)) {
            return current;
        }
        return current == null || expiry.isBefore(current) ? expiry : current;
    }

    /** Parses an If-None-Match value; null for anything that is not one of our tags (then the decision is sent). */
    public static DecisionTag parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORM.matcher(header.trim());
        return m.matches() ? new DecisionTag(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))) : null;
    }

    /** True while the clock cannot have changed the decision this tag stands for. */
    public boolean clockAllows(Instant now) {
        return clockValidUntilMillis == 0 || now.toEpochMilli() < clockValidUntilMillis;
    }

    public String header() {
        return "\"d" + generation + "-" + clockValidUntilMillis + "\"";
    }
}
