package io.webcare.sla.clocks;

import io.webcare.contract.events.SlaClock;
import io.webcare.sla.policies.ActivePolicy;
import io.webcare.sla.policies.PolicyDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One threshold of a clock's target that is announced once: a warning ({@code level} 0) or a breach/escalation level
 * (1 upwards), at {@code thresholdMillis} of counted business time.
 */
record Stage(int percent, int level, long thresholdMillis) {

    boolean isWarning() {
        return level == 0;
    }

    /** The thresholds of a clock's current target under its policy, in the order they fall due. */
    static List<Stage> of(CaseClock clock, ActivePolicy policy) {
        long target = clock.targetMillis;
        List<Stage> stages = new ArrayList<>();
        if (clock.id.clock() == SlaClock.REPLY_WINDOW) {
            // The window closes at 100 %; the warning goes out a fixed time before that (at once for short windows).
            long warnBefore = policy.document().replyWindowWarningOrDefault().toMillis();
            long warnAt = Math.max(0, target - warnBefore);
            int percent = (int) Math.clamp(target == 0 ? 1 : warnAt * 100 / target, 1, 99);
            stages.add(new Stage(percent, 0, warnAt));
            stages.add(new Stage(100, 1, target));
            return stages;
        }
        PolicyDocument.EffectiveTargets targets = policy.document().effective(clock.priority, clock.channel);
        for (int percent : targets.warningPercents()) {
            stages.add(new Stage(percent, 0, target * percent / 100));
        }
        List<Integer> escalations = targets.escalationPercents();
        for (int i = 0; i < escalations.size(); i++) {
            stages.add(new Stage(escalations.get(i), i + 1, target * escalations.get(i) / 100));
        }
        stages.sort(Comparator.comparingInt(Stage::percent));
        return stages;
    }

    /** The target of a clock kind under a policy for a case; null when the policy sets none (next response). */
    static Duration targetOf(
            SlaClock kind, ActivePolicy policy, int priority, io.webcare.contract.events.Channel channel) {
        return policy.document().effective(priority, channel).target(kind);
    }
}
