package io.webcare.cases.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "support_case")
public class SupportCase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "conversation_key", nullable = false)
    public String conversationKey;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public int priority;

    @Convert(converter = CaseStatusConverter.class)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(nullable = false)
    public String channel;

    @Column(name = "customer_handle")
    public String customerHandle;

    @Column(nullable = false)
    public String intent;

    @Column(name = "sla_applies", nullable = false)
    public boolean slaApplies;

    @Column(name = "first_message_at", nullable = false)
    public Instant firstMessageAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    public String assignee;

    public String language;

    /** Routing's topics of the first message, comma-separated (boomerangs are found by topic). */
    @Column(nullable = false)
    public String topics = "";

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "boomerang_of")
    public UUID boomerangOf;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(nullable = false)
    public boolean flagged;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "resolution_code")
    public String resolutionCode;

    @Column(name = "first_time_fix")
    public Boolean firstTimeFix;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_tag", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();

    /** Optimistic locking: two agents changing one case at once is detected, not lost. */
    @Version
    public int version;

    public List<String> topicList() {
        return topics == null || topics.isBlank() ? List.of() : Arrays.asList(topics.split(","));
    }

    public boolean isOpen() {
        return status != CaseStatus.RESOLVED && status != CaseStatus.CLOSED;
    }
}
