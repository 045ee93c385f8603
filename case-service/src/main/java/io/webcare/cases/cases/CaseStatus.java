package io.webcare.cases.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CaseStatus {
    @JsonProperty("new")
    NEW,
    @JsonProperty("assigned")
    ASSIGNED,
    @JsonProperty("waiting")
    WAITING,
    @JsonProperty("resolved")
    RESOLVED,
    @JsonProperty("closed")
    CLOSED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
