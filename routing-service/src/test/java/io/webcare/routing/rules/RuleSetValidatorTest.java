package io.webcare.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Intent;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTest {
    private final RuleSetValidator validator = new RuleSetValidator(Set.of("nl", "en"));
    private final RuleSet defaults = DefaultRules.RULES;

    private RuleSet withRules(List<RuleSet.Rule> rules) {
        return new RuleSet(defaults.highReachFollowers(), rules, defaults.teams(), defaults.boomerang());
    }

    private RuleSet withTeams(List<RuleSet.Team> teams) {
        return new RuleSet(defaults.highReachFollowers(), defaults.rules(), teams, defaults.boomerang());
    }

    @Test
    void theDefaultRulesAreValid() {
        assertThat(validator.problems(defaults)).isEmpty();
    }

    @Test
    void aRuleSendingToAnUnknownTeamIsRejected() {
        var rules = new ArrayList<>(defaults.rules());
        rules.addFirst(new RuleSet.Rule(
                "vip",
                new RuleSet.Condition(List.of(Intent.COMPLAINT), null, null, null, null, null, true, null, null),
                "escalations",
                1,
                null,
                null,
                null));
        assertThat(validator.problems(withRules(rules)))
                .containsExactly("rule 1 (vip): team escalations is not a defined team");
    }

    @Test
    void withoutAnUnconditionalLastRuleSomeMessagesWouldNotBeRouted() {
        var rules = new ArrayList<>(defaults.rules());
        rules.removeLast();
        assertThat(validator.problems(withRules(rules))).anyMatch(p -> p.startsWith("the last rule must have"));
    }

    @Test
    void priorityOutOfRangeAndDuplicateNamesAreReported() {
        var rules = new ArrayList<>(defaults.rules());
        rules.addFirst(new RuleSet.Rule("complaint", null, null, 7, null, null, null));
        assertThat(validator.problems(withRules(rules)))
                .contains("rule 1 (complaint): priority must be 1 (highest) to 4")
                .contains("rule 8 (complaint): the name is used twice");
    }

    @Test
    void fallbacksThatGoRoundInACircleAreRejected() {
        var teams = List.of(
                new RuleSet.Team("complaints", List.of("nl"), null, "webcare"),
                new RuleSet.Team("webcare", List.of("nl"), null, "complaints"));
        assertThat(validator.problems(withTeams(teams))).anyMatch(p -> p.contains("go round in a circle"));
    }

    @Test
    void openingHoursNeedAKnownZoneAndPeriodsThatEndAfterTheyStart() {
        var hours = new RuleSet.OpeningHours(
                "Europe/Nowhere",
                List.of(new RuleSet.Period(List.of(DayOfWeek.MONDAY), LocalTime.of(17, 0), LocalTime.of(9, 0))));
        var teams = List.of(
                new RuleSet.Team("complaints", List.of("nl", "fr"), hours, "webcare"),
                new RuleSet.Team("webcare", List.of("nl"), null, null));
        assertThat(validator.problems(withTeams(teams)))
                .contains("team complaints: unknown time zone Europe/Nowhere")
                .contains("team complaints: a period must end after it starts (17:00-09:00)")
                .anyMatch(p -> p.contains("language fr is not one of the analysed languages"));
    }
}
