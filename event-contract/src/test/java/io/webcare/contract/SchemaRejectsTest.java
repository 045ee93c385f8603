package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
                }),
                broken(
                        EventType.CASE_OPENED,
                        "boomerangOf",
                        "a boomerang that is no case id",
                        e -> e.put("boomerangOf", "earlier case")),
                broken(EventType.CASE_OPENED, "customerId", "the customer left out", e -> e.remove("customerId")),
                broken(
                        EventType.SLA_CLOCK_STARTED,
                        "clock",
                        "a new clock by its Java name",
                        e -> e.put("clock", "NEXT_RESPONSE")),
                broken(EventType.CASE_ESCALATED, "level", "a negative escalation level", e -> e.put("level", -1)),
                broken(EventType.CASE_ESCALATED, "level", "escalation level 0", e -> e.put("level", 0)),
                broken(EventType.CASE_REOPENED, "reason", "an unknown reopen reason", e -> e.put("reason", "customer")),
                broken(EventType.CASE_REOPENED, "by", "an agent's reopen without the agent", e -> e.putNull("by")),
                broken(
                        EventType.CASE_REOPENED,
                        "by",
                        "a customer's reopen naming an agent",
                        e -> e.put("reason", "customer-message")),
                broken(
                        EventType.CASE_REPLIED,
                        "visibility",
                        "an unknown visibility",
                        e -> e.put("visibility", "followers-only")),
                broken(EventType.CASE_MERGED, "intoCaseId", "a merge into nothing", e -> e.putNull("intoCaseId")),
                broken(EventType.CASE_SATISFACTION_RECORDED, "score", "a csat score of 7", e -> e.put("score", 7)),
                broken(EventType.CASE_SATISFACTION_RECORDED, "score", "a csat score of 0", e -> e.put("score", 0)),
                broken(EventType.CASE_SATISFACTION_RECORDED, "score", "an nps score of 11", e -> e.put("scale", "nps")
                        .put("score", 11)),
                broken(EventType.CASE_SATISFACTION_RECORDED, "scale", "an unknown scale", e -> e.put("scale", "ces")),
                broken(
                        EventType.SLA_WARNING,
                        "thresholdPercent",
                        "a warning at 100 %",
                        e -> e.put("thresholdPercent", 100)),
                broken(
                        EventType.SLA_BREACHED,
                        "escalationLevel",
                        "escalation level 0",
                        e -> e.put("escalationLevel", 0)),
                broken(EventType.SLA_BREACHED, "clock", "an unknown clock", e -> e.put("clock", "reply_window")),
                broken(
                        EventType.SLA_CLOCK_STOPPED,
                        "elapsedBusinessSeconds",
                        "negative elapsed time",
                        e -> e.put("elapsedBusinessSeconds", -60)),
                broken(EventType.SLA_CLOCK_STOPPED, "met", "met as text", e -> e.put("met", "yes")),
                broken(
                        EventType.FEEDBACK_ISSUE_DETECTED,
                        "complaintCount",
                        "an issue without complaints",
                        e -> e.put("complaintCount", 0)),
                broken(EventType.FEEDBACK_ISSUE_DETECTED, "channel", "a sample from an unknown channel", e -> sample(e)
                        .put("channel", "tiktok")),
                broken(EventType.FEEDBACK_ISSUE_DETECTED, "author", "an extra field in a sample", e -> sample(e)
                        .put("author", "@jan")),
                broken(EventType.FEEDBACK_ISSUE_DETECTED, "caseIds", "the same case twice", e -> ((ArrayNode)
                                e.path("caseIds"))
                        .add(e.path("caseIds").get(0).asText())),
                broken(EventType.FEEDBACK_ISSUE_CASES_LINKED, "caseIds", "no cases linked", e -> e.putArray("caseIds")),
                broken(
                        EventType.FEEDBACK_ISSUE_STATUS_CHANGED,
                        "status",
                        "an unknown issue status",
                        e -> e.put("status", "closed")),
                broken(
                        EventType.FEEDBACK_ISSUE_RESOLVED,
                        "customerMessage",
                        "no message for the customers",
                        e -> e.put("customerMessage", "")),
                broken(
                        EventType.FEEDBACK_INCIDENT_DETECTED,
                        "baseline",
                        "a negative baseline",
                        e -> e.put("baseline", -0.5)),
                broken(EventType.FEEDBACK_INCIDENT_DETECTED, "messageId", "a sample without its message", e -> sample(e)
                        .remove("messageId")),
                broken(EventType.REPLY_REQUESTED, "text", "an empty reply", e -> e.put("text", "")),
                broken(
                        EventType.REPLY_REQUESTED,
                        "replyWindowClosesAt",
                        "a window that is no time",
                        e -> e.put("replyWindowClosesAt", "24h")),
                broken(EventType.REPLY_DELIVERED, "attempts", "a delivery without a call", e -> e.put("attempts", 0)),
                broken(EventType.REPLY_FAILED, "reason", "a failure without reason", e -> e.remove("reason")),
                broken(
                        EventType.REPLY_FAILED,
                        "reason",
                        "a reason that is no stable code",
                        e -> e.put("reason", "Meta said no")),
                broken(EventType.REPLY_FAILED, "attempts", "negative attempts", e -> e.put("attempts", -1)));
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

    private static ObjectNode sample(JsonNode event) {
        return (ObjectNode) event.path("samples").get(0);
    }
}
