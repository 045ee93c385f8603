package io.webcare.contract.events;

import java.util.List;

/**
 * Which team handles a message and how urgently (priority 1 is the highest), the rule that fired and why.
 *
 * @param slaApplies false for messages that are watched, not answered (a rant without a question)
 */
public record RoutingDecision(
        String team, int priority, boolean slaApplies, List<String> flags, String rule, List<String> reasons) {}
