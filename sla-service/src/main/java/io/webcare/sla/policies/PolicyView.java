package io.webcare.sla.policies;

import java.time.Instant;

/** A policy version as team leads and analysts read it. */
public record PolicyView(String team, int version, Instant createdAt, String createdBy, PolicyDocument policy) {
    static PolicyView of(ActivePolicy p) {
        return new PolicyView(p.team(), p.version(), p.createdAt(), p.createdBy(), p.document());
    }
}
