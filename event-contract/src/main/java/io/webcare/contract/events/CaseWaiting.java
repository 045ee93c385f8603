package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.waiting.v1} on {@code webcare.cases}: the case waits on the customer, so the resolution
 * clock pauses. The next customer message ({@code webcare.case.message-added.v1}) resumes it.
 */
public record CaseWaiting(UUID caseId, String team, String by, Instant waitingSince) {}
