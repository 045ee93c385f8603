package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.paused.v1} on {@code webcare.sla}, keyed by case id: a clock stopped counting while the case
 * waits on the customer.
 */
public record SlaClockPaused(UUID caseId, SlaClock clock, String reason, Instant pausedAt) {}
