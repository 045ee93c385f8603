package io.webcare.routing.decision;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.routing.analysis.MessageAnalyser;
import io.webcare.routing.boomerang.Boomerangs;
import io.webcare.routing.boomerang.CustomerKey;
import io.webcare.routing.boomerang.EarlierCase;
import io.webcare.routing.rules.RuleService;
import io.webcare.routing.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Analyses a message and decides where it goes: the rules in force, the customer's recent cases, the clock. */
@ApplicationScoped
public class RoutingService {
    /** The analysis, the decision, and what they were based on. */
    public record Routed(
            MessageAnalysis analysis, RoutingDecision decision, long rulesVersion, EarlierCase boomerangOf) {}

    private final MessageAnalyser analyser;
    private final RuleService rules;
    private final Boomerangs boomerangs;
    private final Clock clock;

    public RoutingService(MessageAnalyser analyser, RuleService rules, Boomerangs boomerangs, Clock clock) {
        this.analyser = analyser;
        this.rules = rules;
        this.boomerangs = boomerangs;
        this.clock = clock;
    }

    @Transactional
    public Routed route(String text, Reach reach, Channel channel, String handle, String conversationKey) {
        MessageAnalysis analysis = analyser.analyse(text, reach);
        RuleService.Versioned inForce = rules.current();
        Instant now = clock.instant();
        RuleSet.BoomerangPolicy policy = inForce.rules().boomerang();
        EarlierCase earlier = policy != null && policy.enabled()
                ? boomerangs
                        .earlier(
                                CustomerKey.of(channel, handle),
                                conversationKey,
                                analysis.topics(),
                                now,
                                Duration.ofDays(policy.windowDays()))
                        .orElse(null)
                : null;
        RoutingDecision decision = TeamRouter.decide(analysis, inForce.rules(), inForce.version(), now, earlier);
        return new Routed(analysis, decision, inForce.version(), earlier);
    }
}
