package io.webcare.contract.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The service-level clocks of a case (architecture.md, SLA semantics). */
public enum SlaClock {
    @JsonProperty("first-response")
    FIRST_RESPONSE,
    @JsonProperty("resolution")
    RESOLUTION,
    /** Optional per policy: from each customer message that arrives while an agent has answered before. */
    @JsonProperty("next-response")
    NEXT_RESPONSE,
    /** The platform's reply window (WhatsApp, Messenger: 24 h after the customer's last message). */
    @JsonProperty("reply-window")
    REPLY_WINDOW
}
