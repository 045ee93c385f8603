package io.webcare.contract.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Public messages are read by many (the audience effect); private ones only by us. */
public enum Visibility {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("private")
    PRIVATE
}
