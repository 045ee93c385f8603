package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.sla.resumed.v1} on {@code webcare.sla}, keyed by case id: a paused clock counts again, with its
 * due time moved by the paused time.
 */
public record SlaClockResumed(UUID caseId, SlaClock clock, Instant resumedAt, Instant warnAt, Instant dueAt) {}
