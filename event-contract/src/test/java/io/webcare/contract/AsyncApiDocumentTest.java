package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.webcare.contract.kafka.CloudEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** asyncapi.yaml describes exactly the contract in code: every topic, its dead-letter twin and every event type. */
class AsyncApiDocumentTest {
    private static JsonNode doc;

    /** The Kafka key of each topic (architecture.md, Topics) as the name of the message binding that documents it. */
    private static final Map<String, String> KEY_BINDING = Map.of(
            Topics.MESSAGES_INBOUND, "conversationKeyed",
            Topics.MESSAGES_ROUTED, "conversationKeyed",
            Topics.CASES, "caseKeyed",
            Topics.SLA, "caseKeyed",
            Topics.FEEDBACK, "issueKeyed",
            Topics.REPLIES_OUTBOUND, "conversationKeyed",
            Topics.REPLIES_DELIVERY, "conversationKeyed");

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentForTheLocalKafkaBroker() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("servers").path("local").path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(doc.path("servers").path("local").path("protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void listsEveryTopicAndItsDeadLetterTwinAndNothingElse() {
        List<String> expected = new ArrayList<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> {
            addresses.add(c.path("address").asText());
            assertThat(c.path("bindings").path("kafka").path("topic").asText())
                    .as("kafka binding topic of %s", c.path("address").asText())
                    .isEqualTo(c.path("address").asText());
            assertThat(c.path("description").asText()).isNotBlank();
        });
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopicWithItsKeyAndSchema(EventType type) {
        JsonNode message = messagesOf(type.topic()).get(type.ceType());
        assertThat(message)
                .as("%s under channel %s", type.ceType(), type.topic())
                .isNotNull();

        assertThat(message.path("name").asText()).isEqualTo(type.ceType());
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(message.path("traits").findValuesAsText("$ref")).contains("#/components/messageTraits/cloudEvent");
        assertThat(message.path("bindings").path("$ref").asText())
                .isEqualTo("#/components/messageBindings/" + KEY_BINDING.get(type.topic()));

        String schemaRef = message.path("payload").path("schema").path("$ref").asText();
        String resource =
                URI.create("asyncapi.yaml").resolve(schemaRef).normalize().getPath();
        assertThat(resource).isEqualTo(type.schemaResource());
        assertThat(getClass().getClassLoader().getResource(resource))
                .as(schemaRef)
                .isNotNull();
    }

    @Test
    void everyMessageOnATopicIsAKnownEventTypeOfThatTopic() {
        for (String topic : Topics.ALL) {
            for (var entry : messagesOf(topic).entrySet()) {
                assertThat(EventType.ofCeType(entry.getKey()))
                        .as("message %s on %s", entry.getKey(), topic)
                        .hasValueSatisfying(t -> assertThat(t.topic()).isEqualTo(topic));
            }
        }
    }

    @Test
    void everyPayloadReferenceResolvesToASchemaFile() {
        List<String> refs = new ArrayList<>();
        doc.path("components").path("messages").forEach(m -> {
            JsonNode ref = m.path("payload").path("schema").path("$ref");
            if (!ref.isMissingNode()) {
                refs.add(ref.asText());
            }
        });
        assertThat(refs).hasSize(EventType.values().length);
        refs.forEach(ref -> assertThat(getClass()
                        .getClassLoader()
                        .getResource(URI.create("asyncapi.yaml")
                                .resolve(ref)
                                .normalize()
                                .getPath()))
                .as(ref)
                .isNotNull());
    }

    @Test
    void everyLocalReferenceInTheDocumentResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        refs.stream()
                .filter(r -> r.startsWith("#/"))
                .forEach(r -> assertThat(resolveLocal(r).isMissingNode()).as(r).isFalse());
    }

    @Test
    void deadLetterChannelsCarryTheDeadLetterHeadersSmallRyeWrites() {
        for (String topic : Topics.ALL) {
            Map<String, JsonNode> messages = messagesOf(Topics.deadLetter(topic));
            assertThat(messages).as("messages of %s", Topics.deadLetter(topic)).isNotEmpty();
            messages.values().forEach(m -> assertThat(m.path("traits").findValuesAsText("$ref"))
                    .contains("#/components/messageTraits/deadLetter"));
        }
        JsonNode headers = doc.at("/components/messageTraits/deadLetter/headers");
        assertThat(fieldNames(headers.path("properties")))
                .contains(
                        "dead-letter-reason",
                        "dead-letter-cause",
                        "dead-letter-topic",
                        "dead-letter-partition",
                        "dead-letter-offset");
    }

    @Test
    void theCloudEventsTraitRequiresExactlyTheHeadersProducersWrite() {
        JsonNode headers = doc.at("/components/messageTraits/cloudEvent/headers");
        Set<String> required = new HashSet<>();
        headers.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required)
                .containsExactlyInAnyOrder(
                        CloudEvent.ID,
                        CloudEvent.SOURCE,
                        CloudEvent.TYPE,
                        CloudEvent.TIME,
                        CloudEvent.SPEC_VERSION,
                        CloudEvent.CONTENT_TYPE);
        assertThat(fieldNames(headers.path("properties"))).containsExactlyInAnyOrderElementsOf(required);
    }

    @Test
    void everyTopicHasAProducerAndAConsumerAndEveryConsumerDeadLettersToTheTwin() {
        Map<String, Set<String>> senders = new HashMap<>();
        Map<String, Set<String>> receivers = new HashMap<>();
        doc.path("operations").forEach(op -> {
            String address = resolveLocal(op.path("channel").path("$ref").asText())
                    .path("address")
                    .asText();
            String service = op.path("tags").path(0).path("name").asText();
            assertThat(service).as("service tag of an operation on %s", address).endsWith("-service");
            (op.path("action").asText().equals("send") ? senders : receivers)
                    .computeIfAbsent(address, a -> new HashSet<>())
                    .add(service);
        });
        for (String topic : Topics.ALL) {
            assertThat(senders.get(topic)).as("producer of %s", topic).hasSize(1);
            assertThat(receivers.get(topic)).as("consumers of %s", topic).isNotEmpty();
            assertThat(senders.get(Topics.deadLetter(topic)))
                    .as("services that dead-letter %s", topic)
                    .containsExactlyInAnyOrderElementsOf(receivers.get(topic));
        }
    }

    private static Map<String, JsonNode> messagesOf(String address) {
        JsonNode channel = Stream.of(doc.path("channels"))
                .flatMap(c -> {
                    List<JsonNode> all = new ArrayList<>();
                    c.forEach(all::add);
                    return all.stream();
                })
                .filter(c -> c.path("address").asText().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
        Map<String, JsonNode> messages = new HashMap<>();
        channel.path("messages").properties().forEach(e -> messages.put(e.getKey(), resolveIfRef(e.getValue())));
        return messages;
    }

    private static JsonNode resolveIfRef(JsonNode node) {
        return node.has("$ref") ? resolveLocal(node.get("$ref").asText()) : node;
    }

    private static JsonNode resolveLocal(String ref) {
        assertThat(ref).as("local reference").startsWith("#/");
        return doc.at(JsonPointer.compile(ref.substring(1)));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
