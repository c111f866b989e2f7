package io.mci.regional.region.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of the entitlement customer registry: only what this service reads (tolerant of additions). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryCustomer(UUID id, String region) {
}
