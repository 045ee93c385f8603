package io.webcare.contract.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The service-level clocks of a case (architecture.md, SLA semantics). */
public enum SlaClock {
    @JsonProperty("first-response")
    FIRST_RESPONSE,
    @JsonProperty("resolution")
    RESOLUTION
}
