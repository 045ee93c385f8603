package io.webcare.sla.figures;

import java.time.Instant;

/**
 * Service-level figures of a team (or all teams), a channel (or all) and a period. Times are business time in the
 * team calendar, pauses excluded. A share or rate is null when there is nothing to divide.
 *
 * @param openBreaches clocks counting now past their due time (not limited to the period)
 * @param boomerangRate share of the cases opened in the period that are a customer coming back about the same problem
 * @param firstTimeFixRate share of the cases resolved in the period that were resolved without a reopen
 */
public record Figures(
        String team,
        String channel,
        Instant from,
        Instant to,
        Target firstResponse,
        Target resolution,
        long openBreaches,
        long casesOpened,
        Double boomerangRate,
        long casesResolved,
        Double firstTimeFixRate,
        Satisfaction csat,
        Satisfaction nps) {

    /**
     * Targets that finished in the period.
     *
     * @param shareMet share stopped within target
     */
    public record Target(long finished, long met, Double shareMet, Long medianSeconds, Long p90Seconds) {}

    /**
     * Satisfaction scores recorded for cases opened in the period: CSAT average (1-5), or NPS (promoters minus detractors,
     * in percent points).
     */
    public record Satisfaction(long responses, Double score) {}
}
