package io.webcare.contract;

import java.util.List;

/** The Kafka topics of the public contract (architecture.md); each consumed topic has a dead-letter twin. */
public final class Topics {
    public static final String MESSAGES_INBOUND = "webcare.messages.inbound";
    public static final String MESSAGES_ROUTED = "webcare.messages.routed";
    public static final String CASES = "webcare.cases";
    public static final String SLA = "webcare.sla";
    public static final String FEEDBACK = "webcare.feedback";
    public static final String REPLIES_OUTBOUND = "webcare.replies.outbound";
    public static final String REPLIES_DELIVERY = "webcare.replies.delivery";

    public static final List<String> ALL =
            List.of(MESSAGES_INBOUND, MESSAGES_ROUTED, CASES, SLA, FEEDBACK, REPLIES_OUTBOUND, REPLIES_DELIVERY);

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
