package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.escalated.v1} on {@code webcare.cases}: the case needs more attention (an SLA breach
 * escalation level, or an agent's or team lead's decision).
 *
 * @param level escalation level, 1 upwards
 * @param by who escalated: an agent's username, or {@code sla} for an escalation by an SLA breach
 */
public record CaseEscalated(
        UUID caseId, String team, int priority, int level, String reason, String by, Instant escalatedAt) {}
