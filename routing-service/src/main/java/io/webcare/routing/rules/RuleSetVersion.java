package io.webcare.routing.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One saved version of the routing rules (the JSON document) and who saved it when, and why. */
@Entity
@Table(name = "routing_rule_set")
public class RuleSetVersion {
    @Id
    public long version;

    @Column(nullable = false)
    public String rules;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String comment;
}
