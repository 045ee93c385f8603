package io.webcare.feedback.grouping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A complaint as grouping sees it.
 *
 * @param language routing's language code, or null to let the text tell
 * @param topics routing's topics; a complaint only joins a group that shares a topic, when both have topics
 */
public record Complaint(UUID messageId, String text, String language, List<String> topics, Instant at) {
    public Complaint {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
