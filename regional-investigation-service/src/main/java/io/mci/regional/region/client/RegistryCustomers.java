package io.mci.regional.region.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registry's answer to {@code GET /entitlement/v1/internal/customers?region=r}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryCustomers(List<RegistryCustomer> customers) {
}
