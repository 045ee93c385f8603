package io.webcare.routing.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds configured terms (words or phrases, each with a label such as a topic or signal) in a message's words,
 * robust to inflection ({@code storingen}, {@code cancelled}), to hashtags (split by the tokenizer) and to Dutch
 * compounds ({@code internetstoring} contains {@code storing}, {@code internetverbinding} starts with {@code internet}).
 */
final class TermMatcher {
    /** Endings removed to find a configured stem: plurals, past tenses, diminutives (Dutch and English). */
    private static final List<String> SUFFIXES = List.of(
            "s", "es", "'s", "en", "n", "e", "ed", "d", "led", "ing", "ling", "er", "ers", "je", "jes", "tje", "tjes",
            "te", "ten", "t");

    private static final int MIN_COMPOUND_PART = 5;

    /** First word of a term -> the terms starting with it (as word lists) and their labels. */
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

    private record Entry(List<String> words, String label, String term) {}

    static TermMatcher single(String label, List<String> terms) {
        return of(Map.of(label, terms));
    }

    static TermMatcher of(Map<String, List<String>> termsByLabel) {
        TermMatcher matcher = new TermMatcher();
        termsByLabel.forEach((label, terms) -> {
            for (String term : terms) {
                List<String> words = Tokenizer.tokenize(term.toLowerCase(Locale.ROOT)).stream()
                        .filter(Token::isWord)
                        .map(Token::text)
                        .toList();
                if (!words.isEmpty()) {
                    matcher.byFirstWord
                            .computeIfAbsent(words.getFirst(), w -> new ArrayList<>())
                            .add(new Entry(words, label, term));
                }
            }
        });
        return matcher;
    }

    boolean isEmpty() {
        return byFirstWord.isEmpty();
    }

    /** The labels found in {@code words}. */
    Set<String> labels(List<String> words) {
        Set<String> labels = new TreeSet<>();
        match(words, (label, term) -> labels.add(label));
        return labels;
    }

    boolean any(List<String> words) {
        boolean[] found = {false};
        match(words, (label, term) -> found[0] = true);
        return found[0];
    }

    void match(List<String> words, java.util.function.BiConsumer<String, String> onMatch) {
        for (int i = 0; i < words.size(); i++) {
            for (String candidate : candidates(words.get(i))) {
                List<Entry> entries = byFirstWord.get(candidate);
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    if (restMatches(e.words(), words, i)) {
                        onMatch.accept(e.label(), e.term());
                    }
                }
            }
        }
    }

    private boolean restMatches(List<String> termWords, List<String> words, int start) {
        if (start + termWords.size() > words.size()) {
            return false;
        }
        for (int k = 1; k < termWords.size(); k++) {
            String expected = termWords.get(k);
            String actual = words.get(start + k);
            if (!actual.equals(expected) && !candidates(actual).contains(expected)) {
                return false;
            }
        }
        return true;
    }

    /** Dutch open syllables lose a vowel when inflected: {@code facturen} comes from {@code factuur}. */
    private static String doubledVowel(String stem) {
        int n = stem.length();
        if (n < 3) {
            return null;
        }
        char last = stem.charAt(n - 1);
        char vowel = stem.charAt(n - 2);
        char before = stem.charAt(n - 3);
        boolean closed = "aeiou".indexOf(last) < 0 && "aeou".indexOf(vowel) >= 0 && "aeiou".indexOf(before) < 0;
        return closed ? stem.substring(0, n - 1) + vowel + last : null;
    }

    /** The word itself, the word without a known ending, and its compound parts. */
    private List<String> candidates(String word) {
        List<String> candidates = new ArrayList<>(4);
        candidates.add(word);
        for (String suffix : SUFFIXES) {
            if (word.length() - suffix.length() >= 3 && word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                candidates.add(stem);
                String doubled = doubledVowel(stem);
                if (doubled != null) {
                    candidates.add(doubled);
                }
            }
        }
        int forms = candidates.size();
        for (int f = 0; f < forms; f++) {
            String form = candidates.get(f);
            for (int cut = MIN_COMPOUND_PART; cut < form.length() - 2; cut++) {
                String head = form.substring(0, cut);
                String tail = form.substring(form.length() - cut);
                if (byFirstWord.containsKey(head)) {
                    candidates.add(head);
                }
                if (byFirstWord.containsKey(tail)) {
                    candidates.add(tail);
                }
            }
        }
        return candidates;
    }
}
