package io.webcare.cases.replycheck;

import java.util.List;

/** Rule 3: speak as "we"; never blame a colleague, head office or the other department. */
final class BlamingColleaguesRule implements Rule {
    static final String NAME = "blaming-colleagues";

    private static final Phrases BLAME = Phrases.of(
            // English
            "head office",
            "(the|an)? ?other department",
            "another department",
            "(my|a) colleagues? (made|did|forgot|messed|got it wrong|should have|failed|has made|have made|"
                    + "has forgotten|have forgotten)",
            "not (my|our) (fault|department|responsibility)",
            "(fault|mistake|error) of (my|our|the) (colleagues?|department|back ?office|call ?cent(er|re)|"
                    + "technicians?|engineers?)",
            "(the|our) (back ?office|call ?cent(er|re)|billing department|technicians?|engineers?) "
                    + "(made a mistake|messed up|forgot|got it wrong|screwed up|dropped the ball)",
            "blame (the|my|our) (colleagues?|department|back ?office|technicians?)",
            // Dutch
            "(het )?hoofdkantoor",
            "(de )?andere afdeling",
            "mijn collega('?s)? (heeft|hebben|is|zijn) [^.!?]{0,30}(vergeten|fout|verkeerd|mis)",
            "(schuld|fout) van (mijn|onze|de) (collega('?s)?|afdeling|backoffice|monteurs?|callcenter)",
            "niet mijn (schuld|afdeling|verantwoordelijkheid)",
            "ligt (het|dat) aan (de|onze) (afdeling|backoffice|collega('?s)?|monteurs?)",
            "(de|onze) (backoffice|monteurs?|collega('?s)?|callcenter) (heeft|hebben) [^.!?]{0,30}(fout|verkeerd|"
                    + "vergeten|mis|laten liggen)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        return BLAME.in(draft.text()).stream()
                .map(words -> new Hit(words, "Blames a colleague or another department; speak as \"we\"."))
                .toList();
    }
}
