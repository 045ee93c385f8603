package io.webcare.routing.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.webcare.contract.events.Intent;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The routing rules a team lead edits: an ordered list of rules, the teams (language skills, opening hours, fallback)
 * and the boomerang policy. Rules are read top to bottom; every rule whose conditions hold contributes: the first that
 * names a team chooses the team, the first that sets a priority sets it, every {@code raisePriority} raises it, flags
 * add up, the first that says {@code sla} decides whether an SLA applies. The first matching rule is the rule that
 * fired; each matching rule is a reason. The last rule must have no conditions and set team and priority, so that
 * every message is routed.
 *
 * @param highReachFollowers from this many followers a public message has high reach (so has a verified account)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The routing rules, teams and boomerang policy")
public record RuleSet(long highReachFollowers, List<Rule> rules, List<Team> teams, BoomerangPolicy boomerang) {

    /**
     * One rule. Null fields do not take part: a rule without conditions always matches.
     *
     * @param team the team this rule sends the message to
     * @param priority 1 (highest) to 4
     * @param raisePriority how many levels the priority goes up (1 = P3 becomes P2), never above P1
     * @param sla false for messages that are watched, not answered
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(
            String name,
            Condition when,
            String team,
            Integer priority,
            Integer raisePriority,
            Boolean sla,
            List<String> flags) {}

    /**
     * Conditions of a rule; all given ones must hold. Lists match when the message has any of their entries.
     *
     * @param highReach a public message from an account with at least {@code highReachFollowers} followers, or verified
     * @param sentimentBelow the sentiment score is below this value
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(
            List<Intent> intents,
            List<String> signals,
            List<String> topics,
            List<String> languages,
            Boolean highReach,
            Boolean isPublic,
            Boolean verified,
            Long minFollowers,
            Double sentimentBelow) {}

    /**
     * A team: the languages its agents handle, its opening hours (none = always open) and where messages go while it
     * is closed or cannot read the language.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Team(String name, List<String> languages, OpeningHours hours, String fallback) {}

    /** Weekly opening periods in a time zone, e.g. Monday to Friday 09:00-17:00 in Europe/Amsterdam. */
    public record OpeningHours(String zone, List<Period> periods) {}

    public record Period(List<DayOfWeek> days, LocalTime from, LocalTime to) {}

    /**
     * A customer who comes back about a topic of a case resolved within {@code windowDays} is a boomerang: to the team
     * that had the case, priority raised by {@code raisePriority}, flagged {@code boomerang}.
     */
    public record BoomerangPolicy(boolean enabled, int windowDays, int raisePriority) {}
}
