package io.webcare.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.contract.events.Sentiment;
import io.webcare.routing.boomerang.EarlierCase;
import io.webcare.routing.rules.DefaultRules;
import io.webcare.routing.rules.RuleSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamRouterTest {
    private static final RuleSet DEFAULTS = DefaultRules.RULES;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z"); // a Monday, 11:00 in Amsterdam

    private static MessageAnalysis analysis(Intent intent, List<String> signals, Reach reach) {
        return analysis(intent, signals, reach, "nl");
    }

    private static MessageAnalysis analysis(Intent intent, List<String> signals, Reach reach, String language) {
        return new MessageAnalysis(
                language,
                new Sentiment(-0.5, "negative", List.of("slecht")),
                intent,
                signals,
                List.of("billing"),
                reach);
    }

    private static RoutingDecision decide(MessageAnalysis analysis) {
        return TeamRouter.decide(analysis, DEFAULTS, 1, NOW, null);
    }

    @Test
    void complaintGoesToTheComplaintTeamAtPriorityTwo() {
        var decision = decide(analysis(Intent.COMPLAINT, List.of(), new Reach(50, false, true)));
        assertThat(decision.team()).isEqualTo("complaints");
        assertThat(decision.priority()).isEqualTo(2);
        assertThat(decision.rule()).isEqualTo("complaint");
        assertThat(decision.slaApplies()).isTrue();
        assertThat(decision.reasons()).anyMatch(r -> r.startsWith("rule complaint (intent complaint)"));
    }

    @Test
    void questionsAndComplimentsGoToTheWebcareTeam() {
        assertThat(decide(analysis(Intent.QUESTION, List.of(), new Reach(5, false, true)))
                        .team())
                .isEqualTo("webcare");
        assertThat(decide(analysis(Intent.COMPLIMENT, List.of(), new Reach(5, false, true)))
                        .team())
                .isEqualTo("webcare");
    }

    @Test
    void rantIsWatchedWithoutAnSla() {
        var decision = decide(analysis(Intent.RANT, List.of(), new Reach(50, false, true)));
        assertThat(decision.slaApplies()).isFalse();
        assertThat(decision.team()).isEqualTo("webcare");
        assertThat(decision.rule()).isEqualTo("rant-watched");
    }

    @Test
    void pressInvolvementIsPriorityOneAndFlaggedForCommunications() {
        var decision = decide(analysis(Intent.QUESTION, List.of("press"), new Reach(300, true, true)));
        assertThat(decision.priority()).isEqualTo(1);
        assertThat(decision.flags()).containsExactly("communications");
        assertThat(decision.rule()).isEqualTo("press-involvement");
        assertThat(decision.team()).isEqualTo("webcare");
    }

    @Test
    void publicComplaintFromAHighReachAccountIsPriorityOneForCommunications() {
        var decision = decide(analysis(Intent.COMPLAINT, List.of(), new Reach(40_000, false, true)));
        assertThat(decision.priority()).isEqualTo(1);
        assertThat(decision.team()).isEqualTo("complaints");
        assertThat(decision.flags()).contains("communications");
        assertThat(decision.reasons()).anyMatch(r -> r.contains("40000 followers"));
    }

    @Test
    void privateComplaintFromLargeAccountIsNotRaisedForReach() {
        var decision = decide(analysis(Intent.COMPLAINT, List.of(), new Reach(90_000, false, false)));
        assertThat(decision.priority()).isEqualTo(2);
        assertThat(decision.team()).isEqualTo("complaints");
    }

    @Test
    void outageSignalRaisesPriority() {
        var decision = decide(analysis(Intent.COMPLAINT, List.of("outage"), new Reach(10, false, true)));
        assertThat(decision.priority()).isEqualTo(1);
        assertThat(decision.rule()).isEqualTo("outage-signal");
        var question = decide(analysis(Intent.QUESTION, List.of("outage"), new Reach(10, false, true)));
        assertThat(question.priority()).isEqualTo(2);
    }

    @Test
    void boomerangGoesBackToTheTeamThatHadTheCaseWithHigherPriority() {
        UUID earlier = UUID.randomUUID();
        var decision = TeamRouter.decide(
                analysis(Intent.QUESTION, List.of(), new Reach(10, false, true)),
                DEFAULTS,
                1,
                NOW,
                new EarlierCase(earlier, "complaints", List.of("billing"), NOW.minusSeconds(86_400)));
        assertThat(decision.team()).isEqualTo("complaints");
        assertThat(decision.priority()).isEqualTo(2);
        assertThat(decision.flags()).contains("boomerang");
        assertThat(decision.rule()).isEqualTo("boomerang");
        assertThat(decision.reasons().getFirst()).contains(earlier.toString()).contains("billing");
    }

    @Test
    void closedTeamHandsOverToItsFallback() {
        var officeHours = new RuleSet.OpeningHours(
                "Europe/Amsterdam",
                List.of(new RuleSet.Period(
                        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))));
        var teams = new ArrayList<>(DEFAULTS.teams());
        teams.set(0, new RuleSet.Team("complaints", List.of("nl", "en"), officeHours, "webcare"));
        var rules = new RuleSet(DEFAULTS.highReachFollowers(), DEFAULTS.rules(), teams, DEFAULTS.boomerang());
        var complaint = analysis(Intent.COMPLAINT, List.of(), new Reach(10, false, true));

        assertThat(TeamRouter.decide(complaint, rules, 2, NOW, null).team()).isEqualTo("complaints");
        var evening = TeamRouter.decide(complaint, rules, 2, Instant.parse("2026-11-23T18:30:00Z"), null);
        assertThat(evening.team()).isEqualTo("webcare");
        assertThat(evening.reasons()).anyMatch(r -> r.contains("complaints is closed now"));
    }

    @Test
    void teamWithoutTheLanguageHandsOverToItsFallback() {
        var teams = new ArrayList<>(DEFAULTS.teams());
        teams.set(0, new RuleSet.Team("complaints", List.of("nl"), null, "webcare"));
        var rules = new RuleSet(DEFAULTS.highReachFollowers(), DEFAULTS.rules(), teams, DEFAULTS.boomerang());
        var english = analysis(Intent.COMPLAINT, List.of(), new Reach(10, false, true), "en");
        var decision = TeamRouter.decide(english, rules, 2, NOW, null);
        assertThat(decision.team()).isEqualTo("webcare");
        assertThat(decision.reasons()).anyMatch(r -> r.contains("does not handle language en"));
    }

    @Test
    void everyDecisionNamesTheRulesVersionAndTheSentimentDrivers() {
        var decision = decide(analysis(Intent.COMPLAINT, List.of(), new Reach(10, false, true)));
        assertThat(decision.reasons()).contains("routing rules version 1");
        assertThat(decision.reasons()).anyMatch(r -> r.contains("slecht"));
    }
}
