package io.webcare.cases.replycheck;

import java.util.List;

/** Rule 6: no condescension ("you could have read that on our website", "all other customers managed"). */
final class CondescensionRule implements Rule {
    static final String NAME = "condescension";

    private static final Phrases CONDESCENDING = Phrases.of(
            // English
            "you could have (read|seen|found|known|looked)",
            "you should have (read|known|checked)",
            "if you had (read|followed|checked)",
            "(as|which is) (clearly )?(stated|mentioned|explained|written) (on|in) our (website|site|terms|faq)",
            "all (the )?other customers (managed|manage|understand|understood|can|could)",
            "as I (already |have already )?(said|told you|explained)",
            "(read|check) (the|our) (manual|terms|faq|instructions) (first|properly|carefully)",
            "it('s| is) (really )?not that (hard|difficult)",
            // Dutch
            "(dat )?had (je|u) (kunnen|moeten) (lezen|weten|zien|vinden)",
            "staat (gewoon |duidelijk |toch )?(op|in) (onze|de) (website|site|voorwaarden|faq|handleiding)",
            "alle andere klanten (lukt|lukte|snappen|begrijpen|kunnen|konden|hebben)",
            "zoals (ik|we|wij) (al|eerder|al eerder) (zei|zeiden|schreef|schreven|aangaf|aangaven)",
            "lees (eerst |even |gewoon )?(de|onze) (handleiding|voorwaarden|faq)",
            "zo moeilijk is (dat|het) (toch )?niet",
            "als (je|u) (de handleiding|de voorwaarden|onze website) (had|hadden) gelezen");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        return CONDESCENDING.in(draft.text()).stream()
                .map(words -> new Hit(words, "Talks down to the customer; help them instead."))
                .toList();
    }
}
