package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webcare.testsupport.ContractSchemas;
import io.webcare.testsupport.Json;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas are strict enough to catch a producer's mistakes, each for the right reason. */
class SchemaRejectsTest {

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                broken(EventType.CASE_OPENED, "priority", "a wrong type", e -> e.put("priority", "high")),
                broken(EventType.CASE_OPENED, "caseId", "a missing field", e -> e.remove("caseId")),
                broken(EventType.CASE_OPENED, "assignee", "an extra field", e -> e.put("assignee", "agent-7")),
                broken(EventType.CASE_OPENED, "caseId", "a malformed uuid", e -> e.put("caseId", "case-42")),
                broken(EventType.CASE_OPENED, "priority", "priority 9", e -> e.put("priority", 9)),
                broken(EventType.CASE_OPENED, "priority", "priority 0", e -> e.put("priority", 0)),
                broken(EventType.CASE_OPENED, "channel", "an unknown channel", e -> e.put("channel", "myspace")),
                broken(EventType.CASE_OPENED, "intent", "an enum by its Java name", e -> e.put("intent", "COMPLAINT")),
                broken(
                        EventType.CASE_OPENED,
                        "openedAt",
                        "a time that is not ISO-8601",
                        e -> e.put("openedAt", "yesterday")),
                broken(EventType.CASE_OPENED, "openedAt", "a time as epoch number", e -> e.put("openedAt", 1741945270)),
                broken(EventType.CASE_OPENED, "conversationKey", "an empty id", e -> e.put("conversationKey", "")),
                broken(EventType.CASE_OPENED, "team", "null where a value is required", e -> e.putNull("team")),
                broken(
                        EventType.SLA_CLOCK_STARTED,
                        "policyVersion",
                        "policy version 0",
                        e -> e.put("policyVersion", 0)),
                broken(EventType.SLA_CLOCK_STARTED, "clock", "an unknown clock", e -> e.put("clock", "FIRST_RESPONSE")),
                broken(EventType.MESSAGE_RECEIVED, "followers", "negative followers", e -> author(e)
                        .put("followers", -1)),
                broken(EventType.MESSAGE_RECEIVED, "email", "an extra nested field", e -> author(e)
                        .put("email", "a@b.nl")),
                broken(
                        EventType.MESSAGE_RECEIVED,
                        "visibility",
                        "an unknown visibility",
                        e -> e.put("visibility", "friends")),
                broken(EventType.MESSAGE_RECEIVED, "media", "media as null instead of empty", e -> e.putNull("media")),
                broken(EventType.MESSAGE_RECEIVED, "url", "a media url that is no URI", e -> ((ObjectNode)
                                e.path("media").get(0))
                        .put("url", "not a uri")),
                broken(EventType.MESSAGE_ROUTED, "score", "sentiment beyond 1", e -> ((ObjectNode)
                                e.path("analysis").path("sentiment"))
                        .put("score", 1.5)),
                broken(EventType.MESSAGE_ROUTED, "messageId", "a bad uuid in the nested message", e -> ((ObjectNode)
                                e.path("message"))
                        .put("messageId", "42")),
                broken(EventType.MESSAGE_ROUTED, "priority", "priority 9 in the decision", e -> ((ObjectNode)
                                e.path("decision"))
                        .put("priority", 9)),
                broken(EventType.MESSAGE_ROUTED, "isPublic", "a renamed field", e -> {
                    ObjectNode reach = (ObjectNode) e.path("analysis").path("reach");
                    reach.set("public", reach.remove("isPublic"));
                }));
    }

    @ParameterizedTest(name = "{0} with {2} is rejected")
    @MethodSource("brokenEvents")
    void aBrokenEventIsRejected(EventType type, String field, String what, Consumer<ObjectNode> breakIt) {
        ObjectNode event = Json.MAPPER.valueToTree(ContractSamples.full(type));
        assertThat(ContractSchemas.violations(type, event))
                .as("the intact sample")
                .isEmpty();

        breakIt.accept(event);

        assertThat(ContractSchemas.violations(type, event))
                .as("violations of %s with %s", type.ceType(), what)
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains(field));
    }

    private static Arguments broken(EventType type, String field, String what, Consumer<ObjectNode> breakIt) {
        return Arguments.of(type, field, what, breakIt);
    }

    private static ObjectNode author(JsonNode event) {
        return (ObjectNode) event.path("author");
    }
}
