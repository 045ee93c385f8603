package io.webcare.cases.satisfaction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a customer's answer to a satisfaction question: a message that is essentially a score ("5", "4/5", "8 out of
 * 10", "een 8", "cijfer 9", "⭐⭐⭐⭐", "9/10 thanks"), in Dutch or English. Anything else, or a score outside the scale
 * that was asked, is not a score: the message is then a new question and treated as one. Deliberately strict, because
 * a complaint taken for a score would be lost from the queue.
 */
public final class ScoreReader {
    /** Longer messages are conversations, not ratings. */
    private static final int MAX_LENGTH = 80;

    private static final Pattern STAR = Pattern.compile("[\u2B50\u2605\uD83C\uDF1F]");
    /** "8", "8/10", "8 out of 10", "4 van de 5", "8 uit 10", "4 op 5", "4 of 5". */
    private static final Pattern SCORE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,2})\\s*(?:(?:/|out of|of|uit|op|van de|van)\\s*(\\d{1,2}))?(?!\\d|[.,]\\d)");

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("nul", 0),
            Map.entry("one", 1),
            Map.entry("één", 1),
            Map.entry("two", 2),
            Map.entry("twee", 2),
            Map.entry("three", 3),
            Map.entry("drie", 3),
            Map.entry("four", 4),
            Map.entry("vier", 4),
            Map.entry("five", 5),
            Map.entry("vijf", 5),
            Map.entry("six", 6),
            Map.entry("zes", 6),
            Map.entry("seven", 7),
            Map.entry("zeven", 7),
            Map.entry("eight", 8),
            Map.entry("acht", 8),
            Map.entry("nine", 9),
            Map.entry("negen", 9),
            Map.entry("ten", 10),
            Map.entry("tien", 10));

    /** Words that may surround a score without making the message anything more than a score. */
    private static final Set<String> FILLER = Set.copyOf(List.of(
            // English
            "a",
            "an",
            "i",
            "i'd",
            "id",
            "would",
            "give",
            "giving",
            "it",
            "you",
            "your",
            "score",
            "rating",
            "rate",
            "my",
            "is",
            "for",
            "thanks",
            "thank",
            "thx",
            "ty",
            "cheers",
            "great",
            "good",
            "star",
            "stars",
            "points",
            "ok",
            "okay",
            "so",
            "and",
            "solid",
            "definitely",
            "easily",
            "the",
            "service",
            // Dutch
            "een",
            "dikke",
            "cijfer",
            "ik",
            "geef",
            "geef",
            "jullie",
            "je",
            "u",
            "het",
            "de",
            "mijn",
            "is",
            "voor",
            "bedankt",
            "dank",
            "dankjewel",
            "dankuwel",
            "wel",
            "hoor",
            "top",
            "prima",
            "super",
            "ster",
            "sterren",
            "punten",
            "punt",
            "oké",
            "oke",
            "en",
            "zeker",
            "service",
            "beoordeling",
            "merci"));

    private ScoreReader() {}

    /**
     * The score in {@code text} on {@code scale} (csat 1-5, nps 0-10), or empty when the message is not essentially a
     * score on that scale.
     */
    public static OptionalInt read(String text, String scale) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return OptionalInt.empty();
        }
        int min = SurveyConfig.NPS.equals(scale) ? 0 : 1;
        int max = SurveyConfig.NPS.equals(scale) ? 10 : 5;
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                // keycap digits (5️⃣) and emoji presentation selectors
                .replace("\u20E3", "")
                .replace("\uFE0F", "")
                .replace('\u2019', '\'');

        int stars = 0;
        Matcher starMatcher = STAR.matcher(normal);
        while (starMatcher.find()) {
            stars++;
        }
        normal = STAR.matcher(normal).replaceAll(" ");

        List<Integer> scores = new ArrayList<>();
        Matcher m = SCORE.matcher(normal);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            int score = Integer.parseInt(m.group(1));
            if (m.group(2) != null && Integer.parseInt(m.group(2)) != max) {
                return OptionalInt.empty(); // "8 out of 10" to a 1-5 question: not guessed
            }
            scores.add(score);
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);

        for (String word : words(rest.toString())) {
            Integer number = NUMBER_WORDS.get(word);
            if (number != null) {
                scores.add(number);
            } else if (!FILLER.contains(word)) {
                return OptionalInt.empty(); // more than a score: a question or a complaint
            }
        }
        if (stars > 0) {
            if (!scores.isEmpty() || SurveyConfig.NPS.equals(scale)) {
                return OptionalInt.empty();
            }
            scores.add(stars);
        }
        if (scores.size() != 1) {
            return OptionalInt.empty();
        }
        int score = scores.getFirst();
        return score < min || score > max ? OptionalInt.empty() : OptionalInt.of(score);
    }

    /** Words, with punctuation, emoji and other symbols dropped ("10!", "9/10 thanks 🙏"). */
    private static List<String> words(String text) {
        String cleaned = text.replaceAll("[^\\p{L}\\p{N}'\\s]", " ");
        List<String> words = new ArrayList<>();
        for (String word : cleaned.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
