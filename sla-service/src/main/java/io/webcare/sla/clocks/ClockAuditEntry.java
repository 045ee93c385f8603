package io.webcare.sla.clocks;

import io.webcare.contract.events.SlaClock;
import java.time.Instant;

/** One audit entry of a clock, e.g. a policy switch on a transfer. */
public record ClockAuditEntry(SlaClock clock, String action, String detail, String by, Instant at) {}
