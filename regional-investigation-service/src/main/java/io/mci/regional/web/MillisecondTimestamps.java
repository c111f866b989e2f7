package io.mci.regional.web;

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
 * Makes sure every {@link Instant} this service writes has exactly three fraction digits
 * ({@code 2026-06-30T12:00:00.000Z}), the form keyset positions are compared in. {@code contract}'s
 * customizer runs at default priority and is overridden by the Java-time module Quarkus registers
 * afterwards (an instant with zero milliseconds came out as {@code ...:00Z}); this one runs last.
 */
@Singleton
public class MillisecondTimestamps implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mci-regional-millisecond-timestamps");
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
