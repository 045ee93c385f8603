package io.webcare.feedback.grouping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a group of complaints about one problem looks like now.
 *
 * @param label its most characteristic words, readable
 * @param terms its characteristic words, heaviest first
 * @param sampleMessageIds the messages closest to the group's centre when they joined, most representative first
 */
public record GroupSnapshot(
        UUID id,
        String label,
        List<String> terms,
        List<String> topics,
        int size,
        Instant firstAt,
        Instant lastAt,
        List<UUID> sampleMessageIds) {}
