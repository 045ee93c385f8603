package io.webcare.routing.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything that is wrong with a rule set, in words a team lead can act on; empty when it is valid. */
public final class RuleSetValidator {
    private final Set<String> languages;

    public RuleSetValidator(Set<String> languages) {
        this.languages = languages;
    }

    public List<String> problems(RuleSet set) {
        List<String> problems = new ArrayList<>();
        if (set == null) {
            return List.of("a rule set is required");
        }
        if (set.highReachFollowers() < 0) {
            problems.add("highReachFollowers must not be negative");
        }
        Map<String, RuleSet.Team> teams = new HashMap<>();
        for (RuleSet.Team team : nonNull(set.teams())) {
            String where = "team " + team.name();
            if (team.name() == null || team.name().isBlank()) {
                problems.add("every team needs a name");
            } else if (teams.put(team.name(), team) != null) {
                problems.add(where + " is defined twice");
            }
            for (String language : nonNull(team.languages())) {
                if (!languages.contains(language)) {
                    problems.add(
                            where + ": language " + language + " is not one of the analysed languages " + languages);
                }
            }
            if (team.hours() != null) {
                hours(where, team.hours(), problems);
            }
        }
        if (teams.isEmpty()) {
            problems.add("at least one team is required");
        }
        for (RuleSet.Team team : teams.values()) {
            if (team.fallback() != null && !teams.containsKey(team.fallback())) {
                problems.add("team " + team.name() + ": fallback " + team.fallback() + " is not a defined team");
            }
            String cycle = fallbackCycle(team, teams);
            if (cycle != null) {
                problems.add("team " + team.name() + ": fallbacks go round in a circle (" + cycle + ")");
            }
        }
        List<RuleSet.Rule> rules = nonNull(set.rules());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleSet.Rule rule = rules.get(i);
            String where = "rule " + (i + 1) + (rule.name() == null ? "" : " (" + rule.name() + ")");
            if (rule.name() == null || rule.name().isBlank()) {
                problems.add(where + " needs a name");
            } else if (!names.add(rule.name())) {
                problems.add(where + ": the name is used twice");
            }
            if (rule.team() != null && !teams.containsKey(rule.team())) {
                problems.add(where + ": team " + rule.team() + " is not a defined team");
            }
            if (rule.priority() != null && (rule.priority() < 1 || rule.priority() > 4)) {
                problems.add(where + ": priority must be 1 (highest) to 4");
            }
            if (rule.raisePriority() != null && (rule.raisePriority() < 0 || rule.raisePriority() > 3)) {
                problems.add(where + ": raisePriority must be 0 to 3");
            }
            if (rule.team() == null
                    && rule.priority() == null
                    && rule.raisePriority() == null
                    && rule.sla() == null
                    && nonNull(rule.flags()).isEmpty()) {
                problems.add(where + " does nothing: give it a team, priority, raisePriority, sla or flags");
            }
            if (rule.when() != null) {
                for (String language : nonNull(rule.when().languages())) {
                    if (!languages.contains(language)) {
                        problems.add(where + ": language " + language + " is not analysed");
                    }
                }
            }
        }
        if (rules.isEmpty()) {
            problems.add("at least one rule is required");
        } else {
            RuleSet.Rule last = rules.getLast();
            if (!isUnconditional(last.when()) || last.team() == null || last.priority() == null) {
                problems.add("the last rule must have no conditions and set team and priority, so that every message"
                        + " is routed");
            }
        }
        RuleSet.BoomerangPolicy boomerang = set.boomerang();
        if (boomerang != null
                && (boomerang.windowDays() < 1
                        || boomerang.windowDays() > 90
                        || boomerang.raisePriority() < 0
                        || boomerang.raisePriority() > 3)) {
            problems.add("boomerang: windowDays must be 1 to 90 and raisePriority 0 to 3");
        }
        return problems;
    }

    static boolean isUnconditional(RuleSet.Condition when) {
        return when == null
                || (nonNull(when.intents()).isEmpty()
                        && nonNull(when.signals()).isEmpty()
                        && nonNull(when.topics()).isEmpty()
                        && nonNull(when.languages()).isEmpty()
                        && when.highReach() == null
                        && when.isPublic() == null
                        && when.verified() == null
                        && when.minFollowers() == null
                        && when.sentimentBelow() == null);
    }

    private static void hours(String where, RuleSet.OpeningHours hours, List<String> problems) {
        try {
            ZoneId.of(hours.zone() == null ? "" : hours.zone());
        } catch (DateTimeException e) {
            problems.add(where + ": unknown time zone " + hours.zone());
        }
        if (nonNull(hours.periods()).isEmpty()) {
            problems.add(where + ": opening hours need at least one period (leave hours out for always open)");
        }
        for (RuleSet.Period period : nonNull(hours.periods())) {
            if (nonNull(period.days()).isEmpty() || period.from() == null || period.to() == null) {
                problems.add(where + ": every period needs days, from and to");
            } else if (!period.from().isBefore(period.to())) {
                problems.add(where + ": a period must end after it starts (" + period.from() + "-" + period.to() + ")");
            }
        }
    }

    private static String fallbackCycle(RuleSet.Team start, Map<String, RuleSet.Team> teams) {
        List<String> path = new ArrayList<>(List.of(start.name()));
        RuleSet.Team current = start;
        while (current.fallback() != null && teams.containsKey(current.fallback())) {
            if (path.contains(current.fallback())) {
                path.add(current.fallback());
                return current.fallback().equals(start.name()) ? String.join(" -> ", path) : null;
            }
            path.add(current.fallback());
            current = teams.get(current.fallback());
        }
        return null;
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
