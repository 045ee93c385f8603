package io.webcare.feedback.issues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A recurring problem: a group of complaints that passed the threshold, owned by its area's product owner. */
@Entity
@Table(name = "issue")
public class Issue {
    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "product_area", nullable = false)
    public String productArea;

    public String owner;

    @Column(nullable = false)
    public String label;

    /** Characteristic words, comma-separated. */
    @Column(nullable = false)
    public String terms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueStatus status;

    @Column(name = "complaint_count", nullable = false)
    public int complaintCount;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "last_complaint_at", nullable = false)
    public Instant lastComplaintAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "customer_message")
    public String customerMessage;

    @Version
    public long version;

    public List<String> termList() {
        return terms.isEmpty() ? List.of() : Arrays.asList(terms.split(","));
    }
}
