package io.webcare.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.webcare.contract.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validates event payloads against the contract's JSON Schemas (draft 2020-12, formats asserted). The schemas refer to
 * each other by their {@code $id} under {@link #ID_PREFIX}; those ids are resolved from the classpath ({@code
 * schemas/}), never over the network.
 */
public final class ContractSchemas {
    /** The common prefix of every schema's {@code $id}; the rest is the file's path under {@code schemas/}. */
    public static final String ID_PREFIX = "https://schemas.webcare.io/events/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private ContractSchemas() {}

    /** The {@code $id} of the schema of {@code type}, e.g. {@code https://schemas.webcare.io/events/webcare.case.opened.v1.schema.json}. */
    public static String schemaId(EventType type) {
        return ID_PREFIX + type.schemaResource().substring("schemas/".length());
    }

    public static synchronized JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            if (ContractSchemas.class.getClassLoader().getResource(t.schemaResource()) == null) {
                throw new IllegalStateException("no JSON Schema at " + t.schemaResource());
            }
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(schemaId(t)), CONFIG);
            schema.initializeValidators(); // resolve every $ref now, so a broken reference fails here, not mid-test
            return schema;
        });
    }

    /** The violations of {@code payload} against the schema of {@code type}; empty when it conforms. */
    public static Set<String> violations(EventType type, JsonNode payload) {
        return schema(type).validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
