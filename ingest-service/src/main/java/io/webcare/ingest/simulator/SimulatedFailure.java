package io.webcare.ingest.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Makes the next {@code count} matching calls fail: with {@code status} (e.g. 500, 503, 429 with a Retry-After of
 * {@code retryAfterSeconds}, 400), or, with {@code delayMillis}, by answering that late (to provoke timeouts).
 *
 * @param platform {@code graph}, {@code x} or {@code any}
 * @param to only calls for this comment, post or recipient; null for every call
 */
public record SimulatedFailure(
        @NotNull @Pattern(regexp = "graph|x|any") String platform,
        String to,
        @Min(1) @Max(1000) int count,
        @Min(100) @Max(599) int status,
        @PositiveOrZero Integer retryAfterSeconds,
        @PositiveOrZero @Max(60_000) Integer delayMillis) {}
