package io.webcare.sla.clocks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;

/**
 * Version 1 of every team's policy (the defaults of architecture.md): first response 1 h, resolution 24 h, warning at
 * 75 %, breach levels at 100 % and 200 % of the target, 24/7. Team leads change their team's policy over REST.
 */
@ConfigMapping(prefix = "webcare.sla")
public interface SlaPolicyConfig {
    Duration firstResponse();

    Duration resolution();

    @WithName("warning-at")
    double warningAt();

    /** Escalation levels as percentages of the target: level 1 at the first (the breach), level 2 at the next. */
    @WithDefault("100,200")
    List<Integer> escalationPercents();

    /** How long before a platform's reply window closes the warning goes out. */
    @WithDefault("PT2H")
    Duration replyWindowWarning();

    /** The scheduler that announces due thresholds. */
    Scheduler scheduler();

    interface Scheduler {
        /** Off only for a process that must not announce (the benchmark's loader). */
        @WithDefault("true")
        boolean enabled();

        /** Clocks locked and advanced per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often an idle scheduler looks for due clocks; bounds the detection lag. */
        @WithDefault("PT0.2S")
        java.time.Duration pollInterval();

        /**
         * How long a clock whose announcement failed on its own is left alone before it is tried again (the other
         * clocks go on meanwhile).
         */
        @WithDefault("PT1M")
        java.time.Duration holdAfterFailure();
    }
}
