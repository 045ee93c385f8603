package io.webcare.contract.events;

import java.util.UUID;

/**
 * A representative message of a recurring issue or an incident, shown to the product owner or the team.
 *
 * @param caseId the message's case, or null when case-service had not announced it yet
 */
public record FeedbackSample(UUID messageId, UUID caseId, Channel channel, String text) {}
