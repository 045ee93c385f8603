package io.webcare.cases.replycheck;

import io.webcare.contract.events.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule 2: never send a social customer to another channel (call us, e-mail us, fill in the form, another network).
 * Moving a public thread to a private message in the same network is fine, so "DM" and "privébericht" pass.
 */
final class OtherChannelRule implements Rule {
    static final String NAME = "other-channel";

    private static final Phrases ELSEWHERE = Phrases.of(
            // English
            "call (us|our (customer service|helpdesk|help desk|service desk|support( team)?))",
            "(give us a (call|ring)|phone us|ring us)",
            "e-?mail us",
            "send (us )?an? e-?mail",
            "fill (in|out) (the|our) (contact |web |online )?form",
            "(visit|via|through|on) our (web ?site|site|web ?shop|store|shop)",
            "contact (our )?customer (service|support|care)",
            "(please )?contact (us )?by (phone|e-?mail|post|mail)",
            // Dutch
            "bel (ons|met ons|even met ons|onze klantenservice|de klantenservice|de helpdesk|naar)",
            "contact op met (de |onze )?(klantenservice|helpdesk)",
            "(mail|e-?mail) (ons|naar)",
            "stuur (ons )?een (e-?mail|mail|brief)",
            "vul (het|ons) (contact|web|online )?formulier in",
            "contactformulier",
            "via (onze|de) (website|site|webshop|winkel)",
            "(kom|ga) (even )?langs (in|bij) (de|een|onze) winkel",
            // A service number is another channel too
            "0[89]00[- ]?\\d{3,4}");

    private static final Pattern OTHER_NETWORK =
            Phrases.compile("(via|on|op|through|in|naar|to) (whatsapp|messenger|facebook|instagram|twitter|insta|fb)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        List<Hit> hits = new ArrayList<>();
        for (String words : ELSEWHERE.in(draft.text())) {
            hits.add(new Hit(
                    words,
                    "Sends the customer to another channel; help them here, or move to a private message in the same"
                            + " network."));
        }
        Matcher network = OTHER_NETWORK.matcher(Phrases.normalise(draft.text()));
        while (network.find()) {
            Channel named = networkOf(network.group(2));
            if (draft.channel() != null && named != draft.channel()) {
                hits.add(new Hit(
                        network.group(),
                        "Sends the customer to another network than the one they wrote on ("
                                + (draft.channel() == null
                                        ? "unknown"
                                        : draft.channel().wireName()) + ")."));
            }
        }
        return hits;
    }

    private static Channel networkOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "whatsapp" -> Channel.WHATSAPP;
            case "messenger", "facebook", "fb" -> Channel.FACEBOOK;
            case "instagram", "insta" -> Channel.INSTAGRAM;
            default -> Channel.X;
        };
    }
}
