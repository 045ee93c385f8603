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

    /** The labels of the terms found in a message's words. */
    Set<String> labels(WordForms forms) {
        Set<String> labels = new TreeSet<>();
        match(forms, (label, term) -> labels.add(label));
        return labels;
    }

    /** Whether any term is found in a message's words. */
    boolean any(WordForms forms) {
        for (int i = 0; i < forms.size(); i++) {
            for (String candidate : forms.of(i)) {
                List<Entry> entries = byFirstWord.get(candidate);
                if (entries != null) {
                    for (Entry e : entries) {
                        if (restMatches(e.words(), forms, i)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    void match(WordForms forms, java.util.function.BiConsumer<String, String> onMatch) {
        for (int i = 0; i < forms.size(); i++) {
            for (String candidate : forms.of(i)) {
                List<Entry> entries = byFirstWord.get(candidate);
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    if (restMatches(e.words(), forms, i)) {
                        onMatch.accept(e.label(), e.term());
                    }
                }
            }
        }
    }

    private static boolean restMatches(List<String> termWords, WordForms forms, int start) {
        if (start + termWords.size() > forms.size()) {
            return false;
        }
        for (int k = 1; k < termWords.size(); k++) {
            if (!forms.of(start + k).contains(termWords.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The words of a message under every form in which it may match a term: computed once, shared by all lists. */
    record WordForms(List<List<String>> forms) {
        int size() {
            return forms.size();
        }

        List<String> of(int i) {
            return forms.get(i);
        }
    }

    /**
     * Every word of the terms of several matchers (a language's signals, topics and cue lists): what a compound part
     * or a stem must be to be worth trying. Finding the forms of a message's words once for all matchers is what
     * keeps matching cheap.
     */
    static final class Vocabulary {
        /** Words seen before and their forms: most of a day's words are common ones, and their forms never change. */
        private static final int MAX_REMEMBERED = 100_000;

        private final Set<String> words = new java.util.HashSet<>();
        private final boolean[] partLengths = new boolean[64];
        private final Map<String, List<String>> remembered = new java.util.concurrent.ConcurrentHashMap<>();

        static Vocabulary of(List<TermMatcher> matchers) {
            Vocabulary vocabulary = new Vocabulary();
            for (TermMatcher matcher : matchers) {
                matcher.byFirstWord
                        .values()
                        .forEach(entries -> entries.forEach(e -> vocabulary.words.addAll(e.words())));
            }
            for (String word : vocabulary.words) {
                if (word.length() >= MIN_COMPOUND_PART && word.length() < vocabulary.partLengths.length) {
                    vocabulary.partLengths[word.length()] = true;
                }
            }
            return vocabulary;
        }

        WordForms forms(List<String> words) {
            List<List<String>> forms = new ArrayList<>(words.size());
            for (String word : words) {
                List<String> known = remembered.get(word);
                if (known == null) {
                    known = List.copyOf(candidates(word));
                    if (remembered.size() < MAX_REMEMBERED) {
                        remembered.put(word, known);
                    }
                }
                forms.add(known);
            }
            return new WordForms(forms);
        }

        /** The word itself, the word without a known ending, and its compound parts that are term words. */
        private List<String> candidates(String word) {
            List<String> candidates = new ArrayList<>(4);
            candidates.add(word);
            for (String suffix : SUFFIXES) {
                if (word.length() - suffix.length() >= 3 && word.endsWith(suffix)) {
                    String stem = word.substring(0, word.length() - suffix.length());
                    if (words.contains(stem)) {
                        candidates.add(stem);
                    }
                    String doubled = doubledVowel(stem);
                    if (doubled != null && words.contains(doubled)) {
                        candidates.add(doubled);
                    }
                }
            }
            int forms = candidates.size();
            for (int f = 0; f < forms; f++) {
                String form = candidates.get(f);
                int longest = Math.min(form.length() - 3, partLengths.length - 1);
                for (int cut = MIN_COMPOUND_PART; cut <= longest; cut++) {
                    if (!partLengths[cut]) {
                        continue;
                    }
                    String head = form.substring(0, cut);
                    if (words.contains(head)) {
                        candidates.add(head);
                    }
                    String tail = form.substring(form.length() - cut);
                    if (words.contains(tail)) {
                        candidates.add(tail);
                    }
                }
            }
            return candidates;
        }
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
}
