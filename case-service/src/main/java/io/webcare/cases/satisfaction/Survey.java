package io.webcare.cases.satisfaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The satisfaction question sent to a case's customer after a resolution, and which message answered it. */
@Entity
@Table(name = "satisfaction_survey")
public class Survey {
    @Id
    @Column(name = "survey_id")
    public UUID surveyId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The reply that carried the question (delivered like every reply). */
    @Column(name = "reply_id", nullable = false)
    public UUID replyId;

    @Column(nullable = false)
    public String scale;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @Column(name = "answered_message_id")
    public UUID answeredMessageId;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public boolean answered() {
        return answeredMessageId != null;
    }
}
