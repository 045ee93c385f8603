package io.webcare.cases.replycheck;

import java.util.List;

/**
 * Rule 7: no empty promises. "I'll pass it on" or "we'll look into it" is hot air unless the reply also names a
 * concrete next step: a time, a day, a term, a reference number or a visit.
 */
final class EmptyPromiseRule implements Rule {
    static final String NAME = "empty-promise";

    private static final Phrases PROMISES = Phrases.of(
            // English
            "I('| wi)ll pass (it|this|that|your \\w+) on",
            "I('| wi)ll forward (it|this|that|your \\w+)",
            "we('| wi)ll look into (it|this|that)",
            "we('re| are) looking into (it|this|that)",
            "we('| wi)ll (get back to you|be in touch)",
            "we('| wi)ll see what (we|I) can do",
            "we('re| are) working on it",
            // Dutch, in both word orders ("we kijken ernaar", "dan kijken we ernaar")
            "(ik (geef|zet)|(geef|zet) ik) (het|dit|dat|je \\w+|uw \\w+) door",
            "(ik zal|zal ik) (het|dit|dat) doorgeven",
            "(we (gaan|zullen)|(gaan|zullen) we) (er|hier) ?naar kijken",
            "(we kijken|kijken we) (er|hier) ?naar",
            "(we komen|komen we) (er|hier) ?op terug",
            "(we komen|komen we) bij (je|u) terug",
            "(er )?wordt aan gewerkt",
            "we zijn (er ?mee|hiermee) bezig");

    private static final Phrases NEXT_STEP = Phrases.of(
            "\\d{1,2}[:.]\\d{2}",
            "\\d{1,2} ?(uur|u|am|pm|o'clock)",
            "(binnen|within|in|over) (\\d+|een|één|twee|drie|one|two|three|an?) (uur|uren|hours?|minuten|minutes"
                    + "|dagen|days|werkdagen|working days|business days|weken|weeks)",
            "(vandaag|morgen|overmorgen|vanavond|vanmiddag|today|tomorrow|tonight|this (afternoon|evening|week))",
            "(maan|dins|woens|donder|vrij|zater|zon)dag",
            "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
            "(end of (the )?day|eind van de dag|voor het weekend|before the weekend)",
            "(ticket|referentie|reference|ref|melding(snummer)?|case)( ?(nr|number|nummer|no)\\.?)? ?[:#]? ?\\d+",
            "(monteur|technician|engineer)[^.!?]{0,40}(komt|langs|visit|will come|on (his|her|their) way)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        if (NEXT_STEP.anyIn(draft.text())) {
            return List.of();
        }
        return PROMISES.in(draft.text()).stream()
                .map(words -> new Hit(
                        words,
                        "A promise without a concrete next step; say what happens when, and report the result back."))
                .toList();
    }
}
