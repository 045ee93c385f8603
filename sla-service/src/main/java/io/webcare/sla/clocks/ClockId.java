package io.webcare.sla.clocks;

import io.webcare.contract.events.SlaClock;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.UUID;

@Embeddable
public record ClockId(
        @Column(name = "case_id") UUID caseId, @Enumerated(EnumType.STRING) @Column(name = "clock") SlaClock clock)
        implements Serializable {}
