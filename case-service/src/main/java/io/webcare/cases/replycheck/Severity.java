package io.webcare.cases.replycheck;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a finding of a rule does to a reply: refuse it, travel with it, or nothing (the rule is off). */
public enum Severity {
    @JsonProperty("blocking")
    BLOCKING,
    @JsonProperty("warning")
    WARNING,
    @JsonProperty("off")
    OFF
}
