package io.mci.contract.time;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes every {@link Instant} in JSON follow {@link Timestamps}: millisecond ISO out, lenient ISO in.
 * Runs last: Quarkus registers its JavaTimeModule after customizers of default priority, and for a
 * type the serializer registered last wins.
 */
@Singleton
public class JsonTimestamps implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("mci-timestamps");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(Timestamps.format(value));
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
                }
                String text = p.getText();
                Instant instant = Timestamps.tryParse(text);
                if (instant == null) {
                    throw ctxt.weirdStringException(text, Instant.class,
                            "expected ISO-8601 UTC such as 2024-01-09T09:20:06Z");
                }
                return instant;
            }
        });
        return module;
    }
}
