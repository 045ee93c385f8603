package io.webcare.routing.decision;

import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.routing.boomerang.EarlierCase;
import io.webcare.routing.rules.RuleSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a rule set to an analysed message (see {@link RuleSet} for how rules combine), then the boomerang policy,
 * then the teams' language skills and opening hours. Pure: the rule set, the time and the earlier case are given.
 */
public final class TeamRouter {
    private TeamRouter() {}

    public static RoutingDecision decide(
            MessageAnalysis analysis, RuleSet rules, long version, Instant now, EarlierCase earlier) {
        List<String> reasons = new ArrayList<>();
        Set<String> flags = new LinkedHashSet<>();
        String fired = null;
        String team = null;
        Integer priority = null;
        Boolean sla = null;
        int raise = 0;
        for (RuleSet.Rule rule : rules.rules()) {
            String why = matches(rule.when(), analysis, rules.highReachFollowers());
            if (why == null) {
                continue;
            }
            if (fired == null) {
                fired = rule.name();
            }
            List<String> effects = new ArrayList<>();
            if (team == null && rule.team() != null) {
                team = rule.team();
                effects.add("team " + team);
            }
            if (priority == null && rule.priority() != null) {
                priority = rule.priority();
                effects.add("P" + priority);
            }
            if (rule.raisePriority() != null && rule.raisePriority() > 0) {
                raise += rule.raisePriority();
                effects.add("priority +" + rule.raisePriority());
            }
            if (sla == null && rule.sla() != null) {
                sla = rule.sla();
                effects.add(sla ? "SLA applies" : "watched, not answered: no SLA");
            }
            if (rule.flags() != null && !rule.flags().isEmpty()) {
                flags.addAll(rule.flags());
                effects.add("flag " + String.join(", ", rule.flags()));
            }
            if (!effects.isEmpty()) {
                reasons.add("rule " + rule.name() + " (" + why + "): " + String.join(", ", effects));
            }
        }
        RuleSet.BoomerangPolicy boomerang = rules.boomerang();
        if (earlier != null && boomerang != null && boomerang.enabled()) {
            fired = "boomerang";
            team = earlier.team();
            raise += boomerang.raisePriority();
            flags.add("boomerang");
            reasons.add(
                    0,
                    "boomerang: case " + earlier.caseId() + " about " + String.join(", ", earlier.sharedTopics())
                            + " was resolved " + earlier.resolvedAt() + " by team " + earlier.team()
                            + "; back to that team, priority +" + boomerang.raisePriority());
        }
        // The validator guarantees a last, unconditional rule with team and priority; these guard a corrupt store.
        team = team == null ? "webcare" : team;
        int finalPriority = Math.max(1, (priority == null ? 3 : priority) - raise);
        team = available(team, analysis.language(), rules, now, reasons);
        reasons.add("sentiment " + analysis.sentiment().label() + " ("
                + analysis.sentiment().score() + ")"
                + (analysis.sentiment().drivers().isEmpty()
                        ? ""
                        : " from " + String.join(", ", analysis.sentiment().drivers())));
        reasons.add("routing rules version " + version);
        return new RoutingDecision(
                team,
                finalPriority,
                sla == null || sla,
                List.copyOf(flags),
                fired == null ? "default" : fired,
                List.copyOf(reasons));
    }

    /** Null when the condition does not hold, else a short description of why it does. */
    static String matches(RuleSet.Condition when, MessageAnalysis a, long highReachFollowers) {
        if (when == null) {
            return "always";
        }
        List<String> why = new ArrayList<>();
        if (when.intents() != null && !when.intents().isEmpty()) {
            if (!when.intents().contains(a.intent())) {
                return null;
            }
            why.add("intent " + a.intent().name().toLowerCase(Locale.ROOT));
        }
        if (!anyOf(when.signals(), a.signals(), "signal", why)
                || !anyOf(when.topics(), a.topics(), "topic", why)
                || !anyOf(when.languages(), List.of(a.language()), "language", why)) {
            return null;
        }
        var reach = a.reach();
        if (when.highReach() != null) {
            boolean high = reach.isPublic() && (reach.followers() >= highReachFollowers || reach.verified());
            if (high != when.highReach()) {
                return null;
            }
            why.add(
                    high
                            ? "public, " + reach.followers() + " followers" + (reach.verified() ? ", verified" : "")
                            : "not high reach");
        }
        if (when.isPublic() != null) {
            if (reach.isPublic() != when.isPublic()) {
                return null;
            }
            why.add(reach.isPublic() ? "public" : "private");
        }
        if (when.verified() != null) {
            if (reach.verified() != when.verified()) {
                return null;
            }
            why.add(reach.verified() ? "verified" : "not verified");
        }
        if (when.minFollowers() != null) {
            if (reach.followers() < when.minFollowers()) {
                return null;
            }
            why.add(reach.followers() + " followers");
        }
        if (when.sentimentBelow() != null) {
            if (a.sentiment().score() >= when.sentimentBelow()) {
                return null;
            }
            why.add("sentiment " + a.sentiment().score());
        }
        return why.isEmpty() ? "always" : String.join(", ", why);
    }

    private static boolean anyOf(List<String> wanted, List<String> present, String what, List<String> why) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        List<String> hit = present.stream().filter(wanted::contains).toList();
        if (hit.isEmpty()) {
            return false;
        }
        why.add(what + " " + String.join(", ", hit));
        return true;
    }

    /** The team itself when it is open and reads the language, else its fallback (and so on). */
    static String available(String wanted, String language, RuleSet rules, Instant now, List<String> reasons) {
        Map<String, RuleSet.Team> teams =
                rules.teams().stream().collect(Collectors.toMap(RuleSet.Team::name, Function.identity()));
        String current = wanted;
        Set<String> seen = new LinkedHashSet<>();
        while (seen.add(current)) {
            RuleSet.Team team = teams.get(current);
            if (team == null) {
                return current;
            }
            String obstacle = null;
            if (team.languages() != null
                    && !team.languages().isEmpty()
                    && !team.languages().contains(language)) {
                obstacle = "does not handle language " + language;
            } else if (!isOpen(team.hours(), now)) {
                obstacle = "is closed now (" + team.hours().zone() + ")";
            }
            if (obstacle == null) {
                return current;
            }
            if (team.fallback() == null) {
                reasons.add("team " + current + " " + obstacle + " and has no fallback: it stays there");
                return current;
            }
            reasons.add("team " + current + " " + obstacle + ": handed over to " + team.fallback());
            current = team.fallback();
        }
        return current;
    }

    static boolean isOpen(RuleSet.OpeningHours hours, Instant now) {
        if (hours == null) {
            return true;
        }
        ZonedDateTime local = now.atZone(ZoneId.of(hours.zone()));
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        return hours.periods().stream()
                .anyMatch(p -> p.days().contains(day) && !time.isBefore(p.from()) && time.isBefore(p.to()));
    }
}
