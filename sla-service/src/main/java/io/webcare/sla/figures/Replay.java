package io.webcare.sla.figures;

import java.time.Instant;

/**
 * The targets that finished in a period, judged again under another version of the team's policy: how many met the
 * targets they ran under, and how many would have met that version's targets (per priority and channel), for the same
 * business time counted.
 */
public record Replay(String team, int version, Instant from, Instant to, Outcome firstResponse, Outcome resolution) {

    public record Outcome(long finished, long metAsRun, long metUnderVersion, Double shareMetUnderVersion) {}
}
