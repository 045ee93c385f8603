package io.webcare.sla.policies;

import io.webcare.sla.calendars.BusinessCalendar;
import java.time.Instant;

/** One version of a team's policy, ready to use: its document and its calendar. Immutable, so safely cached. */
public record ActivePolicy(
        String team,
        int version,
        PolicyDocument document,
        BusinessCalendar calendar,
        Instant createdAt,
        String createdBy) {}
