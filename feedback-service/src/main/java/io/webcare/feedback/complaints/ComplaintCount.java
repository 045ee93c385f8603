package io.webcare.feedback.complaints;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "complaint_count")
public class ComplaintCount {
    @Id
    public String topic;

    @Column(nullable = false)
    public long complaints;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;
}
