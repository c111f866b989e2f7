package io.mci.entitlement.config;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.mci.contract.error.ApiException;

/** The home regions this deployment knows; input naming another region is a 400. */
@ApplicationScoped
public class Regions {

    private final List<String> known;

    public Regions(EntitlementConfig config) {
        this.known = config.regions().stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** A required region name, case-insensitive, one of the configured ones. */
    public String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Field '" + field + "' is required. Accepted values: "
                    + String.join(", ", known) + ".", known);
        }
        return parse(field, value);
    }

    /** A region from input, or a 400 naming the accepted regions. */
    public String parse(String name, String value) {
        String region = value.trim().toLowerCase(Locale.ROOT);
        if (!known.contains(region)) {
            throw ApiException.badRequest("Invalid region '" + value + "' for '" + name + "'. Accepted values: "
                    + String.join(", ", known) + ".", known);
        }
        return region;
    }
}
