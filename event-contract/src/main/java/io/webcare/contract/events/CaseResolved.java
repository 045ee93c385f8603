package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.resolved.v1} on {@code webcare.cases}: the resolution clock stops.
 *
 * @param resolutionCode how it was resolved (configured codes, e.g. {@code answered}, {@code fixed}, {@code no-action})
 * @param firstTimeFix true when the case was resolved without a reopen and is not a boomerang
 */
public record CaseResolved(
        UUID caseId, String team, String resolvedBy, String resolutionCode, boolean firstTimeFix, Instant resolvedAt) {}
