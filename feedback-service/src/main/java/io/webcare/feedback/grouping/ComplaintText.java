package io.webcare.feedback.grouping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Turns a complaint into the terms it is about, in Dutch or English: URLs, mentions and numbers carry no problem, so
 * they go; a hashtag is read as its words ({@code #StoringUtrecht} is "storing utrecht"); letters stretched for
 * emphasis are shortened ({@code slooooow} is "sloow"); accents are folded; stop words of both languages are dropped
 * and every word is reduced to its stem with the stemmer of the message's language.
 */
public final class ComplaintText {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}])@\\w+");
    private static final Pattern HASHTAG = Pattern.compile("#(\\w+)");
    private static final Pattern CAMEL =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(?:amp|lt|gt|quot|#\\d+);");

    /** Stop words of both languages: a Dutch complaint often carries English words and the other way round. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet both = new CharArraySet(512, true);
        both.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        both.addAll(DutchAnalyzer.getDefaultStopSet()); // Snowball's Dutch list
        // Snowball's English list (shipped with Lucene, ~170 words: "been", "do", "have", "very"...): Lucene's
        // default English set has only 33, which left function words among the labels and the vectors.
        try (Reader english = IOUtils.getDecodingReader(
                IOUtils.requireResourceNonNull(
                        SnowballFilter.class.getResourceAsStream("english_stop.txt"), "english_stop.txt"),
                StandardCharsets.UTF_8)) {
            both.addAll(WordlistLoader.getSnowballWordSet(english));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // part of the Lucene jar
        }
        // Words every complaint on social media carries, in both languages: they say nothing about the problem.
        both.addAll(List.of(
                "rt", "amp", "dm", "pm", "please", "pls", "plz", "thanks", "thank", "thx", "hi", "hello", "hey", "just",
                "get", "got", "can", "can't", "cant", "now", "still", "again", "why", "what", "how", "you", "your",
                "i'm", "im", "we", "our", "us", "my", "me", "u", "ur", "one", "would", "could", "don't", "dont", "it's",
                "via", "ok", "oke", "nu", "weer", "nog", "al", "even", "gewoon", "jullie", "jij", "je", "ik", "mijn",
                "wij", "we", "ons", "onze", "hallo", "hoi", "dank", "bedankt", "graag", "waarom", "wat", "hoe", "wel",
                "ook", "dus", "echt", "heel", "zo", "maar", "kan", "kunnen", "moet", "wordt"));
        STOP_WORDS = CharArraySet.unmodifiableSet(both);
    }

    private static final String STEM = "stem";
    private static final String WORD = "word";

    private final Analyzer dutch = new StemmingAnalyzer(true);
    private final Analyzer english = new StemmingAnalyzer(false);

    /** A term of a complaint: its stem and the word as it was written (lower case), for readable labels. */
    public record Term(String stem, String word) {}

    /**
     * The terms of {@code text}. {@code language} is routing's ISO code ({@code nl}, {@code en}); anything else is
     * guessed from the stop words the text uses.
     */
    public List<Term> terms(String text, String language) {
        return analyse(text, language).terms();
    }

    /** The terms of a complaint and the language they were read in. */
    public record Analysis(List<Term> terms, boolean dutch) {}

    /** Like {@link #terms}, also telling whether the text was read as Dutch (else English). */
    public Analysis analyse(String text, String language) {
        if (text == null || text.isBlank()) {
            return new Analysis(List.of(), "nl".equalsIgnoreCase(language));
        }
        String cleaned = clean(text);
        boolean isDutch = "nl".equalsIgnoreCase(language) || (!"en".equalsIgnoreCase(language) && looksDutch(cleaned));
        return new Analysis(analyse(isDutch ? dutch : english, cleaned), isDutch);
    }

    static String clean(String text) {
        String s = HTML_ENTITY.matcher(text).replaceAll(" ");
        s = URL.matcher(s).replaceAll(" ");
        s = MENTION.matcher(s).replaceAll(" ");
        Matcher tags = HASHTAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length() + 8);
        while (tags.find()) {
            tags.appendReplacement(
                    out,
                    Matcher.quoteReplacement(" " + CAMEL.matcher(tags.group(1)).replaceAll(" ") + " "));
        }
        tags.appendTail(out);
        return STRETCHED.matcher(out).replaceAll("$1$1");
    }

    private static final CharArraySet DUTCH_CUES = new CharArraySet(
            List.of(
                    "de", "het", "een", "en", "niet", "geen", "is", "van", "op", "met", "voor", "ik", "mijn", "bij",
                    "nog", "al", "weer", "wel", "maar", "dat", "dit", "er", "te", "naar", "ook", "heb", "zijn",
                    "jullie"),
            true);
    private static final CharArraySet ENGLISH_CUES = new CharArraySet(
            List.of(
                    "the", "a", "an", "and", "not", "no", "is", "of", "on", "with", "for", "i", "my", "at", "still",
                    "again", "but", "that", "this", "there", "to", "have", "are", "you", "your", "it", "was", "be"),
            true);

    static boolean looksDutch(String text) {
        int dutchCues = 0;
        int englishCues = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (DUTCH_CUES.contains(word)) {
                dutchCues++;
            }
            if (ENGLISH_CUES.contains(word)) {
                englishCues++;
            }
        }
        return dutchCues > englishCues;
    }

    private static List<Term> analyse(Analyzer analyzer, String text) {
        List<Term> terms = new ArrayList<>();
        try (TokenStream words = analyzer.tokenStream(WORD, text);
                TokenStream stems = analyzer.tokenStream(STEM, text)) {
            // Two passes over the same text (two fields, so two reused chains) keep the written word beside its stem:
            // the chains differ only in the stemmer, which never drops a token.
            CharTermAttribute word = words.addAttribute(CharTermAttribute.class);
            CharTermAttribute stem = stems.addAttribute(CharTermAttribute.class);
            words.reset();
            stems.reset();
            while (words.incrementToken() && stems.incrementToken()) {
                terms.add(new Term(stem.toString(), word.toString()));
            }
            words.end();
            stems.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never happens: the text is in memory
        }
        return terms;
    }

    /** Lucene's standard tokenizer, lower case, folded accents, bilingual stop words, then a Snowball stemmer. */
    private static final class StemmingAnalyzer extends Analyzer {
        private final boolean dutch;

        StemmingAnalyzer(boolean dutch) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.dutch = dutch;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new EnglishPossessiveFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new ShortOrNumericFilter(stream);
            if (fieldName.equals(STEM)) {
                stream = new SnowballFilter(stream, dutch ? new DutchStemmer() : new EnglishStemmer());
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
