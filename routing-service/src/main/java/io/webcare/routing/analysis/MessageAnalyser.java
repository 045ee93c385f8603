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
    private record Language(Cues cues, SentimentScorer sentiment, TermMatcher signals, TermMatcher topics) {}

    public MessageAnalyser(AnalysisSettings settings) {
        this.languageDetection = new LanguageDetection(settings.languages());
        List<String> spamTerms = new ArrayList<>();
        for (String language : settings.languages()) {
            Cues cues = Cues.load(language);
            languages.put(
                    language,
                    new Language(
                            cues,
                            new SentimentScorer(lexicon(language, settings.languages()), cues, settings, language),
                            TermMatcher.of(AnalysisSettings.forLanguage(settings.signals(), language)),
                            TermMatcher.of(AnalysisSettings.forLanguage(settings.topics(), language))));
            spamTerms.addAll(Cues.list(Resources.properties("sentiment/cues-" + language + ".properties"), "spam"));
        }
        this.spam = TermMatcher.single("spam", spamTerms);
    }

    /**
     * A language's lexicon, most trusted first: Webcare's customer-service words, emoji, VADER (English), the Pattern
     * adjectives, then the other languages' customer-service words (mixed-language messages are common).
     */
    private static Lexicon lexicon(String language, List<String> all) {
        Lexicon lexicon = new Lexicon();
        addIfPresent(lexicon, "sentiment/webcare-" + language + ".tsv", 1);
        lexicon.add("sentiment/emoji.tsv", 1);
        addIfPresent(lexicon, "sentiment/vader-" + language + ".tsv", 1);
        addIfPresent(lexicon, "sentiment/pattern-" + language + ".tsv", 3.5);
        for (String other : all) {
            if (!other.equals(language)) {
                addIfPresent(lexicon, "sentiment/webcare-" + other + ".tsv", 1);
            }
        }
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
        List<String> words =
                tokens.stream().filter(Token::isWord).map(Token::text).toList();
        String languageCode = languageDetection.detect(words, Tokenizer.plainWords(tokens));
        Language language = languages.get(languageCode);
        Sentiment sentiment = language.sentiment().score(tokens);
        List<String> signals = List.copyOf(language.signals().labels(words));
        List<String> topics = List.copyOf(language.topics().labels(words));
        Intent intent = intent(tokens, words, language.cues(), sentiment, signals, topics);
        return new MessageAnalysis(languageCode, sentiment, intent, signals, topics, reach);
    }

    private Intent intent(
            List<Token> tokens,
            List<String> words,
            Cues cues,
            Sentiment sentiment,
            List<String> signals,
            List<String> topics) {
        boolean hasEmoji = tokens.stream().anyMatch(t -> t.kind() == Token.Kind.EMOJI);
        if (spam.any(words) || (words.isEmpty() && !hasEmoji)) {
            return Intent.SPAM;
        }
        boolean question = tokens.stream().anyMatch(t -> t.kind() == Token.Kind.QUESTION_MARK)
                || (!words.isEmpty() && cues.questionStarters().contains(words.getFirst()));
        boolean request = cues.requests().any(words);
        boolean negative = "negative".equals(sentiment.label()) || signals.contains("outage");
        if (negative) {
            boolean concrete =
                    !topics.isEmpty() || !signals.isEmpty() || cues.problems().any(words);
            // Negative with no question, no request and nothing concrete to fix: brand-bashing, watched not answered.
            return question || request || concrete ? Intent.COMPLAINT : Intent.RANT;
        }
        if (question || request) {
            return Intent.QUESTION;
        }
        return "positive".equals(sentiment.label()) ? Intent.COMPLIMENT : Intent.QUESTION;
    }
}
