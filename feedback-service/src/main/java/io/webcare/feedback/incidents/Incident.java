package io.webcare.feedback.incidents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A sudden rise of complaints about one topic; open while the rise lasts (plus a cool-down). */
@Entity
@Table(name = "incident")
public class Incident {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** Complaints in the window when it was detected, then the highest window count seen while open. */
    @Column(nullable = false)
    public int complaints;

    @Column(nullable = false)
    public double baseline;

    @Column(nullable = false)
    public double rise;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    /** Event time of the last complaint that found the topic still above its threshold. */
    @Column(name = "last_above_at", nullable = false)
    public Instant lastAboveAt;
}
