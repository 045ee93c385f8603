package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.testsupport.ContractSchemas;
import io.webcare.testsupport.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the services actually put on the wire (Jackson, Quarkus settings) conforms to the schemas analysts read. */
class EventSamplesConformTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aFullyFilledEventConformsToItsSchema(EventType type) throws Exception {
        Record sample = ContractSamples.full(type);
        assertThat(sample).isInstanceOf(type.payloadType());

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(sample));

        assertThat(ContractSchemas.violations(type, json)).isEmpty();
        assertThat(Json.MAPPER.treeToValue(json, type.payloadType()))
                .as("reads back to the same record")
                .isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithEveryNullableFieldNullConformsToItsSchema(EventType type) throws Exception {
        Record sample = ContractSamples.withNulls(type);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(sample));

        assertThat(ContractSchemas.violations(type, json)).isEmpty();
        for (String pointer : RecordSchemaDrift.check(type.payloadType(), SchemaFiles.root(type))) {
            JsonNode value = json.at(JsonPointer.compile(pointer));
            assertThat(value.isNull())
                    .as("%s of the null sample is written as an explicit null (key present)", pointer)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theFullSampleHasNoNullsAtAll(EventType type) throws Exception {
        String json = Json.MAPPER.writeValueAsString(ContractSamples.full(type));
        assertThat(json).doesNotContain(":null");
    }
}
