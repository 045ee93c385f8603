package io.webcare.sla.clocks;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ClockStatus {
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("paused")
    PAUSED,
    @JsonProperty("met")
    MET,
    @JsonProperty("breached")
    BREACHED
}
