package io.webcare.sla.policies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One version of a team's policy; versions are never changed, a change is a new version. */
@Entity
@Table(name = "sla_policy")
@IdClass(StoredPolicy.Key.class)
public class StoredPolicy {
    @Id
    public String team;

    @Id
    public int version;

    /** The {@link PolicyDocument} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public record Key(String team, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
