package io.webcare.contract.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the customer wants from us; a rant (negative, no question or request) is watched, not answered. */
public enum Intent {
    @JsonProperty("complaint")
    COMPLAINT,
    @JsonProperty("question")
    QUESTION,
    @JsonProperty("compliment")
    COMPLIMENT,
    @JsonProperty("rant")
    RANT,
    @JsonProperty("spam")
    SPAM
}
