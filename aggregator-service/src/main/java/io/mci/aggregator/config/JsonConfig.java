package io.mci.aggregator.config;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.mci.contract.time.Timestamps;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Timestamps on every JSON the aggregator writes (to clients and in requests to the regions and the entitlement
 * service) follow the contract: ISO-8601 UTC with milliseconds ({@link Timestamps#format}).
 *
 * <p>Why not only the contract's {@code JsonTimestamps} customizer: Quarkus registers its JavaTimeModule after
 * customizers of default priority, and for Instant the module registered last wins; registering the contract's
 * module again is ignored by Jackson (same module id). So this one has its own id and runs last.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mci-aggregator-timestamps");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(Timestamps.format(value));
            }
        });
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
