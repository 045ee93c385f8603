package io.webcare.cases.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A CSAT (1-5) or NPS (0-10) score recorded after a case was resolved. */
@Entity
@Table(name = "satisfaction")
public class Satisfaction {
    @Id
    @Column(name = "satisfaction_id")
    public UUID satisfactionId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String scale;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public String source;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The customer message the score was read from; null when the contact centre or an agent recorded it. */
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
