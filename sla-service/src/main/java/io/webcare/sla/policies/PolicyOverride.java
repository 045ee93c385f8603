package io.webcare.sla.policies;

import io.webcare.contract.events.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Targets for cases of one priority and/or one channel. The most specific override wins: priority and channel, then
 * priority, then channel; its null fields inherit from the policy's defaults.
 */
public record PolicyOverride(@Min(1) @Max(5) Integer priority, Channel channel, @Valid @NotNull Targets targets) {

    int specificity() {
        return (priority != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    boolean matches(int casePriority, Channel caseChannel) {
        return (priority == null || priority == casePriority) && (channel == null || channel == caseChannel);
    }
}
