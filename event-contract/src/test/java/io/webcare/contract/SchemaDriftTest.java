package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.webcare.testsupport.ContractSchemas;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schemas follow the Java records: adding, renaming or retyping a field without the schema fails the build. */
class SchemaDriftTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesMatchTheRecordComponentsRecursively(EventType type) {
        RecordSchemaDrift.check(type.payloadType(), SchemaFiles.root(type));
    }

    @Test
    void onlyTheFieldsThatMayBeAbsentInTheDomainAreNullable() {
        assertThat(RecordSchemaDrift.check(
                        EventType.MESSAGE_RECEIVED.payloadType(), SchemaFiles.root(EventType.MESSAGE_RECEIVED)))
                .containsExactlyInAnyOrder(
                        "/accountId", "/threadRef", "/author/id", "/author/name", "/sentAt", "/replyWindowClosesAt");
        assertThat(RecordSchemaDrift.check(
                        EventType.MESSAGE_ROUTED.payloadType(), SchemaFiles.root(EventType.MESSAGE_ROUTED)))
                .contains("/message/threadRef", "/analysis/language");
    }

    record AuthorWithAnExtraField(
            String id, String handle, String name, long followers, boolean verified, String email) {}

    record AuthorWithARetypedField(String id, String handle, String name, String followers, boolean verified) {}

    enum ChannelWithANewNetwork {
        @JsonProperty("x")
        X,
        @JsonProperty("facebook")
        FACEBOOK,
        @JsonProperty("instagram")
        INSTAGRAM,
        @JsonProperty("whatsapp")
        WHATSAPP,
        @JsonProperty("phone")
        PHONE,
        @JsonProperty("email")
        EMAIL,
        @JsonProperty("tiktok")
        TIKTOK
    }

    record MessageOnANewNetwork(ChannelWithANewNetwork channel) {}

    @Test
    void aFieldAddedToARecordButNotToItsSchemaIsCaught() {
        assertThatThrownBy(() -> RecordSchemaDrift.check(AuthorWithAnExtraField.class, shared("author")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("email");
    }

    @Test
    void aFieldWhoseJavaTypeChangedIsCaught() {
        assertThatThrownBy(() -> RecordSchemaDrift.check(AuthorWithARetypedField.class, shared("author")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("followers");
    }

    @Test
    void anEnumConstantMissingFromTheSchemaIsCaught() {
        var channelProperty = SchemaFiles.resolve(SchemaFiles.root(EventType.MESSAGE_RECEIVED));
        assertThatThrownBy(() -> RecordSchemaDrift.check(
                        MessageOnANewNetwork.class,
                        new SchemaFiles.Located(
                                channelProperty.base(),
                                objectWith(
                                        "channel",
                                        channelProperty
                                                .node()
                                                .path("properties")
                                                .path("channel")))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tiktok");
    }

    private static SchemaFiles.Located shared(String name) {
        String resource = "schemas/shared/" + name + ".schema.json";
        return new SchemaFiles.Located(
                URI.create(ContractSchemas.ID_PREFIX + "shared/" + name + ".schema.json"), SchemaFiles.read(resource));
    }

    private static com.fasterxml.jackson.databind.JsonNode objectWith(
            String property, com.fasterxml.jackson.databind.JsonNode schema) {
        var node = io.webcare.testsupport.Json.MAPPER.createObjectNode();
        node.put("type", "object").put("additionalProperties", false);
        node.putArray("required").add(property);
        node.putObject("properties").set(property, schema);
        return node;
    }
}
