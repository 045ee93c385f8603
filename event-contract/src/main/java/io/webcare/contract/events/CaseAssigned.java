package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code webcare.case.assigned.v1} on {@code webcare.cases}: an agent claimed the case or a team lead assigned it.
 *
 * @param assignee the agent who now owns the case (Keycloak username)
 * @param assignedBy who did it: the assignee on a claim, the team lead on an assignment
 */
public record CaseAssigned(UUID caseId, String team, String assignee, String assignedBy, Instant assignedAt) {}
