package io.webcare.contract.events;

import java.time.Instant;

/** Event {@code webcare.message.routed.v1} on {@code webcare.messages.routed}, keyed by conversation key. */
public record MessageRouted(
        InboundMessage message, MessageAnalysis analysis, RoutingDecision decision, Instant routedAt) {}
