package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.webcare.testsupport.ContractSchemas;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type has its schema, every schema file is a valid draft 2020-12 document and loads with its refs. */
class EventSchemaFilesTest {
    private static final JsonSchema META_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                    SchemaLocation.of(SchemaId.V202012),
                    SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build());

    static List<String> schemaFiles() {
        return SchemaFiles.allResources();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaFileNamedByItsCeType(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.ceType() + ".schema.json");
        assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
                .as("schema file of %s", type)
                .isNotNull();
        JsonNode schema = SchemaFiles.read(type.schemaResource());
        assertThat(schema.path("$id").asText()).isEqualTo(ContractSchemas.schemaId(type));
        assertThat(schema.path("title").asText()).isEqualTo(type.ceType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSchemaLoadsWithAllItsReferences(EventType type) {
        assertThat(ContractSchemas.schema(type)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaFileIsAValidDraft202012SchemaWithItsOwnId(String resource) {
        JsonNode schema = SchemaFiles.read(resource);

        assertThat(schema.path("$schema").asText()).isEqualTo(SchemaId.V202012);
        assertThat(schema.path("$id").asText())
                .isEqualTo(ContractSchemas.ID_PREFIX + resource.substring("schemas/".length()));
        assertThat(schema.path("description").asText())
                .as("description of %s", resource)
                .isNotBlank();
        assertThat(META_SCHEMA.validate(schema))
                .extracting(ValidationMessage::getMessage)
                .isEmpty();
    }

    @Test
    void theTopLevelOfSchemasHoldsExactlyTheEventTypes() {
        List<String> topLevel = SchemaFiles.allResources().stream()
                .filter(r -> r.indexOf('/', "schemas/".length()) < 0)
                .toList();
        assertThat(topLevel)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::schemaResource)
                        .toList());
    }

    @Test
    void theMetaSchemaCheckCanFail() {
        JsonNode broken =
                SchemaFiles.read(EventType.CASE_OPENED.schemaResource()).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("type", "objekt");
        assertThat(META_SCHEMA.validate(broken)).isNotEmpty();
    }
}
