package io.webcare.routing.boomerang;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recently resolved case of the same customer that shares a topic with a new message. */
public record EarlierCase(UUID caseId, String team, List<String> sharedTopics, Instant resolvedAt) {}
