package io.webcare.routing.boomerang;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Routing's copy of one case: whose it is, what it was about, which team has it, and when it was resolved. */
@Entity
@Table(name = "recent_case")
public class RecentCase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "conversation_key", nullable = false)
    public String conversationKey;

    /** channel:handle of the customer, lower case; null when the case has no handle. */
    @Column(name = "customer_key")
    public String customerKey;

    /** Comma-separated topics. */
    @Column(nullable = false)
    public String topics;

    @Column(nullable = false)
    public String team;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
