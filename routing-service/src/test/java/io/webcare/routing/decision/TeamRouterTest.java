package io.webcare.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamRouterTest {
    private final TeamRouter router = new TeamRouter();

    private static MessageAnalysis analysis(Intent intent, List<String> signals, Reach reach) {
        return new MessageAnalysis("nl", new Sentiment(-0.5, "negative", List.of()), intent, signals, List.of(), reach);
    }

    @Test
    void rantIsWatchedWithoutAnSla() {
        var decision = router.decide(analysis(Intent.RANT, List.of(), new Reach(50, false, true)));
        assertThat(decision.slaApplies()).isFalse();
        assertThat(decision.team()).isEqualTo("webcare");
    }

    @Test
    void pressInvolvementIsPriorityOneAndFlaggedForCommunications() {
        var decision = router.decide(analysis(Intent.QUESTION, List.of("press"), new Reach(300, true, true)));
        assertThat(decision.priority()).isEqualTo(1);
        assertThat(decision.flags()).containsExactly("communications");
        assertThat(decision.rule()).isEqualTo("press-involvement");
    }

    @Test
    void privateComplaintFromLargeAccountIsNotRaisedForReach() {
        var decision = router.decide(analysis(Intent.COMPLAINT, List.of(), new Reach(90_000, false, false)));
        assertThat(decision.priority()).isEqualTo(2);
        assertThat(decision.team()).isEqualTo("complaints");
    }

    @Test
    void outageSignalRaisesPriority() {
        var decision = router.decide(analysis(Intent.COMPLAINT, List.of("outage"), new Reach(10, false, true)));
        assertThat(decision.priority()).isEqualTo(1);
        assertThat(decision.rule()).isEqualTo("outage-signal");
    }
}
