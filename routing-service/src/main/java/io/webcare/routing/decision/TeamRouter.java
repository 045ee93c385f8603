package io.webcare.routing.decision;

import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.RoutingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The default routing rules of domain.md: complaints to the complaint team, everything else to the webcare team;
 * high reach, press and outage raise priority; a rant is watched without an SLA. Rules as configuration a team lead
 * can change come with the routing issue; these are the defaults they start from.
 */
@ApplicationScoped
public class TeamRouter {
    static final String COMPLAINTS = "complaints";
    static final String WEBCARE = "webcare";
    static final long HIGH_REACH_FOLLOWERS = 10_000;

    public RoutingDecision decide(MessageAnalysis analysis) {
        List<String> reasons = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        boolean complaint = analysis.intent() == Intent.COMPLAINT;
        String team = complaint ? COMPLAINTS : WEBCARE;
        reasons.add("intent " + analysis.intent().name().toLowerCase() + " goes to the " + team + " team");

        int priority =
                switch (analysis.intent()) {
                    case COMPLAINT -> 2;
                    case QUESTION -> 3;
                    default -> 4;
                };
        String rule = "default-" + analysis.intent().name().toLowerCase();
        var reach = analysis.reach();
        boolean highReach = reach.isPublic() && (reach.followers() >= HIGH_REACH_FOLLOWERS || reach.verified());
        if (analysis.signals().contains("press")) {
            priority = 1;
            rule = "press-involvement";
            flags.add("communications");
            reasons.add("press or media involved");
        } else if (complaint && highReach) {
            priority = 1;
            rule = "high-reach-public-complaint";
            flags.add("communications");
            reasons.add("public complaint from an account with " + reach.followers() + " followers");
        } else if (analysis.signals().contains("outage") && priority > 1) {
            priority -= 1;
            rule = "outage-signal";
            reasons.add("outage signal raises priority");
        }
        boolean slaApplies = analysis.intent() != Intent.RANT && analysis.intent() != Intent.SPAM;
        if (!slaApplies) {
            reasons.add(analysis.intent().name().toLowerCase() + " is watched, not answered: no SLA");
        }
        return new RoutingDecision(team, priority, slaApplies, flags, rule, reasons);
    }
}
