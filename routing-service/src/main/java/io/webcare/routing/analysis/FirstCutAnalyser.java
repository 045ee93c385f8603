package io.webcare.routing.analysis;

import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.Sentiment;
import io.webcare.contract.events.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The walking skeleton's analysis of a message: Dutch and English cue words for intent, signals and topics, with the
 * cues that fired kept as evidence. Deliberately simple; the full analysis (language detection by a library,
 * lexicon sentiment with negation and contrast, evaluated on labeled data) replaces it.
 */
@ApplicationScoped
public class FirstCutAnalyser {
    private static final Set<String> DUTCH_MARKERS =
            Set.of("de", "het", "een", "en", "niet", "geen", "ik", "mijn", "is", "wij", "jullie", "al", "nog", "wel");
    private static final Set<String> ENGLISH_MARKERS =
            Set.of("the", "a", "and", "not", "no", "i", "my", "is", "we", "you", "your", "still", "why", "please");
    private static final Set<String> NEGATIVE = Set.of(
            "geen",
            "niet",
            "niks",
            "nauwelijks",
            "nog steeds",
            "kapot",
            "storing",
            "storingen",
            "uit",
            "eruit",
            "slecht",
            "slechtste",
            "boos",
            "belachelijk",
            "waardeloos",
            "te laat",
            "nooit",
            "geklaagd",
            "klacht",
            "wacht",
            "zonder",
            "no",
            "not",
            "without",
            "can't",
            "cannot",
            "still",
            "broken",
            "outage",
            "down",
            "terrible",
            "awful",
            "wrong",
            "late",
            "never",
            "rubbish",
            "worst",
            "angry",
            "ridiculous",
            "again",
            "weer",
            "promised",
            "unbelievable",
            "afford");
    private static final Set<String> POSITIVE = Set.of(
            "bedankt",
            "dank",
            "top",
            "super",
            "geweldig",
            "fijn",
            "snel geholpen",
            "thanks",
            "thank you",
            "great",
            "awesome",
            "love",
            "excellent",
            "helpful",
            "quick");
    private static final Set<String> REQUEST_CUES = Set.of(
            "?",
            "graag",
            "kunnen jullie",
            "kunt u",
            "help",
            "please",
            "can you",
            "could you",
            "hoe",
            "how",
            "wanneer",
            "when",
            "waarom",
            "why",
            "wat",
            "what");
    private static final Set<String> SPAM_CUES = Set.of(
            "win a",
            "gratis iphone",
            "free iphone",
            "crypto",
            "click here",
            "dm us now",
            "no experience needed",
            "earn 5000",
            "a week from home");
    private static final Map<String, Set<String>> SIGNALS = Map.of(
            "outage",
                    Set.of(
                            "storing",
                            "storingen",
                            "outage",
                            "down",
                            "geen internet",
                            "no internet",
                            "geen bereik",
                            "no signal",
                            "ligt eruit",
                            "ligt er",
                            "geen tv"),
            "churn", Set.of("opzeggen", "overstappen", "cancel", "switching to", "leave you"),
            "press",
                    Set.of(
                            "journalist",
                            "redactie",
                            "press",
                            "reporter",
                            "comment for",
                            "reactie voor",
                            "voor een artikel",
                            "for an article",
                            "dagblad"),
            "safety", Set.of("gevaar", "brand", "gaslucht", "danger", "fire", "unsafe"),
            "privacy", Set.of("privacy", "datalek", "data breach", "gdpr", "avg"));
    private static final Map<String, Set<String>> TOPICS = Map.of(
            "internet", Set.of("internet", "wifi", "modem", "router", "glasvezel", "fibre", "fiber"),
            "mobile", Set.of("bereik", "4g", "5g", "sim", "signal", "bellen", "mobiel", "mobile"),
            "billing",
                    Set.of("factuur", "rekening", "afschrijving", "betaling", "invoice", "bill", "charged", "refund"),
            "delivery", Set.of("bezorging", "levering", "pakket", "delivery", "package", "parcel", "bezorgd"),
            "contract", Set.of("abonnement", "contract", "opzeggen", "subscription", "cancel"));

    public MessageAnalysis analyse(InboundMessage message) {
        String text = normalise(message.text());
        List<String> words = List.of(text.split("[^\\p{L}\\p{N}?]+"));

        List<String> negative = cues(text, words, NEGATIVE);
        List<String> positive = cues(text, words, POSITIVE);
        double score = Math.max(-1, Math.min(1, (positive.size() - negative.size()) / 3.0));
        String label = score > 0.1 ? "positive" : score < -0.1 ? "negative" : "neutral";
        List<String> drivers = new ArrayList<>(negative);
        drivers.addAll(positive);

        List<String> signals = matches(text, words, SIGNALS);
        List<String> topics = matches(text, words, TOPICS);
        boolean request = !cues(text, words, REQUEST_CUES).isEmpty();
        Intent intent = intent(text, words, score, request, signals);

        var reach = new Reach(
                message.author().followers(), message.author().verified(), message.visibility() == Visibility.PUBLIC);
        return new MessageAnalysis(
                language(words), new Sentiment(score, label, drivers), intent, signals, topics, reach);
    }

    private static Intent intent(String text, List<String> words, double score, boolean request, List<String> signals) {
        if (!cues(text, words, SPAM_CUES).isEmpty()) {
            return Intent.SPAM;
        }
        if (score < 0 || signals.contains("outage") || signals.contains("churn")) {
            // Negative with no question or request at all is a rant: watched, not answered.
            return request || !signals.isEmpty() || words.size() > 12 ? Intent.COMPLAINT : Intent.RANT;
        }
        if (score > 0 && !text.contains("?")) {
            return Intent.COMPLIMENT;
        }
        return Intent.QUESTION;
    }

    private static String language(List<String> words) {
        long dutch = words.stream().filter(DUTCH_MARKERS::contains).count();
        long english = words.stream().filter(ENGLISH_MARKERS::contains).count();
        return dutch >= english ? "nl" : "en";
    }

    private static List<String> matches(String text, List<String> words, Map<String, Set<String>> table) {
        return table.entrySet().stream()
                .filter(e -> !cues(text, words, e.getValue()).isEmpty())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Cue phrases (several words) match the text; single words match whole words only. */
    private static List<String> cues(String text, List<String> words, Set<String> cues) {
        Set<String> found = new LinkedHashSet<>();
        for (String cue : cues) {
            boolean phrase = cue.contains(" ") || cue.equals("?");
            if (phrase ? text.contains(cue) : words.contains(cue)) {
                found.add(cue);
            }
        }
        return found.stream().sorted().toList();
    }

    private static String normalise(String text) {
        String withoutMentionsAndLinks = text.replaceAll("https?://\\S+", " ").replaceAll("[@#]\\w+", " ");
        return Normalizer.normalize(withoutMentionsAndLinks, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
    }
}
