package io.webcare.cases.replycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule 5: vary the empathy. An empathy phrase the agent already used in most of their recent replies is worth
 * nothing; it is found when it appears in more than half of them (and there are enough of them to say so).
 */
final class RepeatedEmpathyRule implements Rule {
    static final String NAME = "repeated-empathy";

    private static final Phrases EMPATHY = Phrases.of(
            // English
            "(sorry|we apologi[sz]e|apologies) for (the|any) inconvenience",
            "sorry to hear (that|this|about)",
            "I understand your frustration",
            "I can imagine (that|how)",
            "that('s| is) (really |very )?annoying",
            // Dutch
            "(excuses|sorry|onze excuses) voor het ongemak",
            "excuses voor de overlast",
            "(wat|heel|erg) vervelend",
            "vervelend (om te horen|dat)",
            "ik begrijp (je|uw) frustratie",
            "ik kan me (voorstellen|indenken)",
            "balen");

    private final int minimumReplies;

    RepeatedEmpathyRule(int minimumReplies) {
        this.minimumReplies = minimumReplies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        List<String> recent = draft.recentReplies();
        if (recent.size() < minimumReplies) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        String text = Phrases.normalise(draft.text());
        for (Pattern phrase : EMPATHY.patterns()) {
            var inDraft = phrase.matcher(text);
            if (!inDraft.find()) {
                continue;
            }
            long uses = recent.stream()
                    .filter(r -> phrase.matcher(Phrases.normalise(r)).find())
                    .count();
            if (uses * 2 > recent.size()) {
                hits.add(new Hit(
                        inDraft.group(),
                        "You used this phrase in " + uses + " of your last " + recent.size()
                                + " replies; vary the empathy."));
            }
        }
        return hits;
    }
}
