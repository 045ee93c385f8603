package io.webcare.contract.events;

import java.time.Instant;
import java.util.UUID;

/** Event {@code webcare.case.message-added.v1}: a further customer message joined an open case. */
public record CaseMessageAdded(UUID caseId, UUID messageId, String team, Instant receivedAt, Instant addedAt) {}
