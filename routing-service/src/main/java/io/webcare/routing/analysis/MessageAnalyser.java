package io.webcare.routing.analysis;

import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.Sentiment;
import io.webcare.contract.events.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a message says: its language (Lingua, among the configured languages), its sentiment about us (lexicons with
 * negation, intensifiers, emoji, contrast and other brands), its intent, its signals (outage, safety, privacy, churn,
 * press) and topics (configured term lists), and its reach. Plain Java, thread-safe, no I/O after construction.
 */
public final class MessageAnalyser {
    private final LanguageDetection languageDetection;
    private final Map<String, Language> languages = new HashMap<>();
    private final TermMatcher spam;

    /** Everything one language needs. */
    private record Language(
            Cues cues,
            SentimentScorer sentiment,
            TermMatcher signals,
            TermMatcher topics,
            TermMatcher.Vocabulary vocabulary) {}

    public MessageAnalyser(AnalysisSettings settings) {
        this.languageDetection = new LanguageDetection(settings.languages());
        List<String> spamTerms = new ArrayList<>();
        for (String language : settings.languages()) {
            spamTerms.addAll(Cues.list(Resources.properties("sentiment/cues-" + language + ".properties"), "spam"));
        }
        this.spam = TermMatcher.single("spam", spamTerms);
        for (String language : settings.languages()) {
            Cues cues = Cues.load(language);
            TermMatcher signals = TermMatcher.of(AnalysisSettings.forLanguage(settings.signals(), language));
            TermMatcher topics = TermMatcher.of(AnalysisSettings.forLanguage(settings.topics(), language));
            languages.put(
                    language,
                    new Language(
                            cues,
                            new SentimentScorer(
                                    lexicon(language, settings.languages(), cues), cues, settings, language),
                            signals,
                            topics,
                            TermMatcher.Vocabulary.of(
                                    List.of(signals, topics, cues.requests(), cues.problems(), spam))));
        }
    }

    /**
     * A language's lexicon, most trusted first: Webcare's customer-service words, emoji, VADER (English), the Pattern
     * adjectives, then the other languages' customer-service words (mixed-language messages are common: "thanks",
     * "top service"). Borrowed are only phrases and words of five letters or more: short words are too often words of
     * the language itself ("weer", "net", "top" in English; "love" would be harmless, "ok" not). Last, when the
     * language has one, the valences derived from word vectors (tools/run DeriveLexicon).
     */
    private static Lexicon lexicon(String language, List<String> all, Cues cues) {
        Lexicon lexicon = new Lexicon(cues.inflections());
        addIfPresent(lexicon, "sentiment/webcare-" + language + ".tsv", 1);
        lexicon.add("sentiment/emoji.tsv", 1);
        addIfPresent(lexicon, "sentiment/vader-" + language + ".tsv", 1);
        addIfPresent(lexicon, "sentiment/pattern-" + language + ".tsv", 3.5);
        for (String other : all) {
            if (!other.equals(language)) {
                String borrowed = "sentiment/webcare-" + other + ".tsv";
                if (Resources.exists(borrowed)) {
                    lexicon.add(
                            borrowed,
                            1,
                            form -> form.length() >= 5 && !cues.markers().contains(form));
                }
            }
        }
        // Least trusted: valences derived from word vectors for frequent words no other lexicon lists.
        addIfPresent(lexicon, "sentiment/glove-" + language + ".tsv", 1);
        return lexicon;
    }

    private static void addIfPresent(Lexicon lexicon, String resource, double scale) {
        if (Resources.exists(resource)) {
            lexicon.add(resource, scale);
        }
    }

    public MessageAnalysis analyse(InboundMessage message) {
        var author = message.author();
        return analyse(
                message.text(),
                new Reach(author.followers(), author.verified(), message.visibility() == Visibility.PUBLIC));
    }

    public MessageAnalysis analyse(String text, Reach reach) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<String> words = new ArrayList<>(tokens.size());
        boolean hasEmoji = false;
        boolean questionMark = false;
        for (Token token : tokens) {
            switch (token.kind()) {
                case WORD -> words.add(token.text());
                case EMOJI -> hasEmoji = true;
                case QUESTION_MARK -> questionMark = true;
                default -> {}
            }
        }
        String languageCode = languageDetection.detect(words);
        Language language = languages.get(languageCode);
        Cues cues = language.cues();
        TermMatcher.WordForms forms = language.vocabulary().forms(words);
        boolean question =
                questionMark || (!words.isEmpty() && cues.questionStarters().contains(words.getFirst()));
        boolean request = cues.requests().any(forms);
        Sentiment sentiment = language.sentiment().score(tokens, question);
        List<String> signals = List.copyOf(language.signals().labels(forms));
        List<String> topics = List.copyOf(language.topics().labels(forms));
        Intent intent;
        if (spam.any(forms) || (words.isEmpty() && !hasEmoji)) {
            intent = Intent.SPAM;
        } else if ("negative".equals(sentiment.label()) || signals.contains("outage")) {
            boolean concrete =
                    !topics.isEmpty() || !signals.isEmpty() || cues.problems().any(forms);
            // Negative with no question, no request and nothing concrete to fix: brand-bashing, watched not answered.
            intent = question || request || concrete ? Intent.COMPLAINT : Intent.RANT;
        } else if (question || request) {
            intent = Intent.QUESTION;
        } else {
            intent = "positive".equals(sentiment.label()) ? Intent.COMPLIMENT : Intent.QUESTION;
        }
        return new MessageAnalysis(languageCode, sentiment, intent, signals, topics, reach);
    }
}
