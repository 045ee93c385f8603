package io.webcare.cases.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
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

    /** Optimistic locking: two agents changing one case at once is detected, not lost. */
    @Version
    public int version;
}
