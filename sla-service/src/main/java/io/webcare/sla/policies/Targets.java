package io.webcare.sla.policies;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/**
 * The targets of a policy (or the parts an override changes: a null field inherits). Durations are business time in
 * the team's calendar, ISO-8601 ({@code PT1H}).
 *
 * @param nextResponse optional: the time to answer each further customer message once an agent has answered
 * @param warningPercents thresholds below 100 at which a warning is announced, e.g. {@code [75]}
 * @param escalationPercents thresholds from 100 up at which a breach is announced, level 1 at the first, e.g. {@code
 *     [100, 200]}
 */
public record Targets(
        Duration firstResponse,
        Duration resolution,
        Duration nextResponse,
        @Size(max = 5) List<@NotNull @Min(1) @Max(99) Integer> warningPercents,
        @Size(max = 5) List<@NotNull @Min(100) @Max(1000) Integer> escalationPercents) {}
