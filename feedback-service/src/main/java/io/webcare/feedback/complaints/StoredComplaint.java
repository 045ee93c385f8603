package io.webcare.feedback.complaints;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A routed complaint as feedback-service keeps it: the group it joined, its case, issue and incident. */
@Entity
@Table(name = "complaint")
public class StoredComplaint {
    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String channel;

    public String author;

    public String language;

    /** Routing's topics, comma-separated. */
    @Column(nullable = false)
    public String topics;

    @Column(nullable = false)
    public String text;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public List<String> topicList() {
        return topics.isEmpty() ? List.of() : Arrays.asList(topics.split(","));
    }
}
