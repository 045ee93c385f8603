package io.webcare.contract.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Event {@code webcare.feedback.incident-detected.v1} on {@code webcare.feedback}, keyed by incident id: complaints about
 * one topic rose suddenly above their recent baseline (an outage, say), so the team can inform customers publicly.
 *
 * @param count complaints about the topic in the detection window
 * @param baseline the expected count for such a window, from the recent past
 * @param rise count divided by baseline (a baseline of zero counts as one)
 */
public record IncidentDetected(
        UUID incidentId,
        String topic,
        int count,
        double baseline,
        double rise,
        Instant windowStart,
        Instant windowEnd,
        List<FeedbackSample> samples,
        Instant detectedAt) {}
