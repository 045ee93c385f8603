package io.webcare.cases.replycheck;

import io.webcare.contract.events.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The webcare rules a reply is checked against before it is sent (domain.md), in Dutch and English. Each rule's
 * severity comes from configuration: blocking findings refuse the reply, warnings travel with it, "off" skips the
 * rule. Plain Java: no framework, unit-tested on its own.
 */
public final class ReplyCheck {
    /** Every rule's name, in the order findings are reported. */
    public static final List<String> RULES = List.of(
            OtherChannelRule.NAME,
            EmptyPromiseRule.NAME,
            BlamingColleaguesRule.NAME,
            CondescensionRule.NAME,
            RepeatedEmpathyRule.NAME,
            PersonalDataRule.NAME,
            LengthLimitRule.NAME);

    private final List<Rule> rules;
    private final Map<String, Severity> severities;

    /**
     * @param severities per rule name; a rule not named is a warning
     * @param lengthLimits per channel; a channel not named has no limit
     * @param empathyMinimumReplies how many recent replies the agent needs before repetition counts
     * @param phoneRegion the region whose numbering plan reads phone numbers without a country code, e.g. NL
     */
    public ReplyCheck(
            Map<String, Severity> severities,
            Map<Channel, Integer> lengthLimits,
            int empathyMinimumReplies,
            String phoneRegion) {
        for (String rule : severities.keySet()) {
            if (!RULES.contains(rule)) {
                throw new IllegalArgumentException("unknown reply-check rule '" + rule + "'; known: " + RULES);
            }
        }
        this.severities = Map.copyOf(severities);
        this.rules = List.of(
                new OtherChannelRule(),
                new EmptyPromiseRule(),
                new BlamingColleaguesRule(),
                new CondescensionRule(),
                new RepeatedEmpathyRule(empathyMinimumReplies),
                new PersonalDataRule(phoneRegion),
                new LengthLimitRule(lengthLimits));
    }

    public List<Finding> check(Draft draft) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            Severity severity = severities.getOrDefault(rule.name(), Severity.WARNING);
            if (severity == Severity.OFF) {
                continue;
            }
            for (Rule.Hit hit : rule.find(draft)) {
                findings.add(new Finding(rule.name(), severity, hit.words(), hit.message()));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(findings);
    }
}
