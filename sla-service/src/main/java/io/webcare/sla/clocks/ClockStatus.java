package io.webcare.sla.clocks;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a clock's current target stands. */
public enum ClockStatus {
    /** Counting, within target. */
    @JsonProperty("running")
    RUNNING,
    /** Not counting: the case waits on the customer. */
    @JsonProperty("paused")
    PAUSED,
    /** Counting, past its due time (the breach was announced). */
    @JsonProperty("overdue")
    OVERDUE,
    /** Stopped within target. */
    @JsonProperty("met")
    MET,
    /** Stopped after its due time. */
    @JsonProperty("breached")
    BREACHED
}
