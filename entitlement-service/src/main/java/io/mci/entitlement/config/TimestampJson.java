package io.mci.entitlement.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mci.contract.time.JsonTimestamps;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes the contract's millisecond timestamps win. The contract's {@link JsonTimestamps} customizer
 * runs at the default priority, before Quarkus registers {@code JavaTimeModule}, whose Instant
 * serializer then takes precedence ({@code 2031-01-09T09:20:06Z} instead of {@code ...06.000Z}).
 * This customizer runs last and re-applies the contract's serializers under a module id of its own
 * (Jackson ignores a second registration of the same module id).
 */
@Singleton
public class TimestampJson implements ObjectMapperCustomizer {

    private static final String MODULE_ID = "mci-timestamps-entitlement";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new Module() {
            @Override
            public String getModuleName() {
                return MODULE_ID;
            }

            @Override
            public Object getTypeId() {
                return MODULE_ID;
            }

            @Override
            public Version version() {
                return Version.unknownVersion();
            }

            @Override
            public void setupModule(SetupContext context) {
                JsonTimestamps.module().setupModule(context);
            }
        });
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
