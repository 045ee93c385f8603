package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.testsupport.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Walks a record class and its JSON Schema side by side and fails on any drift between them: a field missing from the
 * schema or left over in it, a Java type the schema types differently, an enum whose wire names differ. Returns the
 * JSON pointers of the properties the schema allows to be null, so samples can prove they are exercised.
 */
final class RecordSchemaDrift {
    private RecordSchemaDrift() {}

    static List<String> check(Class<? extends Record> recordType, SchemaFiles.Located schema) {
        List<String> nullable = new ArrayList<>();
        checkRecord(recordType, schema, "", nullable);
        return nullable;
    }

    private static void checkRecord(
            Class<?> recordType, SchemaFiles.Located at, String pointer, List<String> nullable) {
        SchemaFiles.Located object = SchemaFiles.resolve(at);
        JsonNode node = object.node();
        String where = recordType.getSimpleName() + " at '" + pointer + "' (" + object.base() + ")";
        List<String> components = Arrays.stream(recordType.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(types(node)).as("type of %s", where).containsExactly("object");
        assertThat(node.path("additionalProperties").isBoolean()
                        && !node.path("additionalProperties").asBoolean())
                .as("additionalProperties:false on %s", where)
                .isTrue();
        assertThat(fieldNames(node.path("properties")))
                .as("properties of %s must be exactly the record components", where)
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(textValues(node.path("required")))
                .as("required of %s: Jackson writes every key, null or not", where)
                .containsExactlyInAnyOrderElementsOf(components);

        for (RecordComponent component : recordType.getRecordComponents()) {
            JsonNode property = node.path("properties").path(component.getName());
            String childPointer = pointer + "/" + component.getName();
            assertThat(property.path("description").asText())
                    .as("description of %s.%s", recordType.getSimpleName(), component.getName())
                    .isNotBlank();
            checkValue(
                    component.getGenericType(),
                    new SchemaFiles.Located(object.base(), property),
                    childPointer,
                    nullable,
                    recordType.getSimpleName() + "." + component.getName());
        }
    }

    private static void checkValue(
            Type javaType, SchemaFiles.Located at, String pointer, List<String> nullable, String what) {
        SchemaFiles.Located resolved = SchemaFiles.resolve(at);
        JsonNode node = resolved.node();
        Set<String> types = types(node);
        boolean nullAllowed = types.remove("null");
        if (nullAllowed) {
            nullable.add(pointer);
        }
        if (javaType instanceof Class<?> c && c.isPrimitive()) {
            assertThat(nullAllowed)
                    .as("%s is a primitive; it is never null", what)
                    .isFalse();
            String expected =
                    c == boolean.class ? "boolean" : (c == double.class || c == float.class) ? "number" : "integer";
            assertThat(types).as("type of %s", what).containsExactly(expected);
        } else if (javaType == String.class) {
            assertThat(types).as("type of %s", what).containsExactly("string");
        } else if (javaType == UUID.class) {
            assertThat(types).as("type of %s", what).containsExactly("string");
            assertThat(node.path("format").asText()).as("format of %s", what).isEqualTo("uuid");
        } else if (javaType == Instant.class) {
            assertThat(types).as("type of %s", what).containsExactly("string");
            assertThat(node.path("format").asText()).as("format of %s", what).isEqualTo("date-time");
        } else if (javaType instanceof Class<?> c && c.isEnum()) {
            assertThat(types).as("type of %s", what).containsExactly("string");
            assertThat(textValues(node.path("enum")))
                    .as("enum of %s must be the wire names of %s", what, c.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(wireNames(c));
        } else if (javaType instanceof Class<?> c && c.isRecord()) {
            assertThat(nullAllowed)
                    .as("%s: nested objects are never null in this contract", what)
                    .isFalse();
            checkRecord(c, resolved, pointer, nullable);
        } else if (javaType instanceof ParameterizedType p && p.getRawType() == List.class) {
            assertThat(types).as("type of %s", what).containsExactly("array");
            assertThat(nullAllowed).as("%s: lists are empty, never null", what).isFalse();
            checkValue(
                    p.getActualTypeArguments()[0],
                    new SchemaFiles.Located(resolved.base(), node.path("items")),
                    pointer + "/0",
                    nullable,
                    what + "[]");
        } else {
            fail("%s has Java type %s, which this drift check does not map yet; teach it", what, javaType);
        }
    }

    private static Set<String> wireNames(Class<?> enumType) {
        Set<String> names = new LinkedHashSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(Json.MAPPER.valueToTree(constant).asText());
        }
        return names;
    }

    static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
