package io.webcare.sla.dashboard;

import io.webcare.sla.figures.Figures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the live dashboard shows at one instant, for the teams the viewer may see.
 *
 * @param viewer the signed-in user's name
 * @param allTeams true for analysts (every team), false for agents and team leads (their own team)
 */
public record DashboardSnapshot(Instant at, String viewer, boolean allTeams, List<TeamBoard> teams) {

    /**
     * One team's board.
     *
     * @param openCases cases with a clock counting now (running or paused)
     * @param figures the figures of the last {@link DashboardService#FIGURES_PERIOD}: first response and resolution
     *     within target, median and p90 in business time, open breaches, cases opened and resolved
     * @param closestToBreach running clocks not yet past due, soonest due first
     * @param overdue running clocks past due (breached, still counting), longest overdue first
     * @param series per {@link DashboardService#BUCKET} over the last {@link DashboardService#SERIES_PERIOD}, oldest first
     */
    public record TeamBoard(
            String team,
            long openCases,
            Figures figures,
            List<QueueEntry> closestToBreach,
            List<QueueEntry> overdue,
            List<Bucket> series) {}

    /**
     * A running clock in a team's queue.
     *
     * @param clock first-response, resolution, next-response or reply-window
     * @param dueInSeconds real seconds until the due time; negative when overdue
     */
    public record QueueEntry(
            UUID caseId,
            String team,
            int priority,
            String channel,
            String clock,
            Instant dueAt,
            long dueInSeconds,
            int escalationLevel) {}

    /**
     * What happened in one interval.
     *
     * @param pickedUp first-response targets stopped (the first delivered agent reply)
     * @param resolved cases resolved
     * @param breaches clock targets that went past their due time unmet (a clock's current target)
     * @param opened cases opened
     */
    public record Bucket(Instant start, long opened, long pickedUp, long resolved, long breaches) {}
}
