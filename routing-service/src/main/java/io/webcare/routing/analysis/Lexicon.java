package io.webcare.routing.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Valences (-4..4, the VADER scale) of words and phrases of up to {@link #MAX_PHRASE} words. Later sources never
 * override earlier ones, so the curated customer-service lexicon comes first.
 */
final class Lexicon {
    static final int MAX_PHRASE = 3;
    private final Map<String, Double> valences = new HashMap<>();
    /** First words of the entries of several words: only there is joining the next words worth it. */
    private final java.util.Set<String> phraseStarts = new java.util.HashSet<>();
    /** Inflectional endings removed to find a base form the lexicons list (Dutch lekkere, goede, grote; none in English). */
    private final List<String> endings;

    /**
     * Words seen before that the lexicons do not list themselves, and their base form's valence ({@link #NONE} when
     * none): most of a day's words are common ones, and stripping endings costs a string for every ending tried.
     */
    private final Map<String, Double> baseForms = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MAX_REMEMBERED = 100_000;
    /** Marks a remembered word without a base form in the lexicons (a concurrent map holds no nulls). */
    private static final Double NONE = Double.valueOf(Double.NaN);

    Lexicon(List<String> endings) {
        this.endings = List.copyOf(endings);
    }

    /** Adds a TSV of word/phrase and valence; {@code scale} maps the file's range onto -4..4. */
    Lexicon add(String resource, double scale) {
        return add(resource, scale, form -> true);
    }

    /** Adds the entries of a TSV that {@code accept} lets through. */
    Lexicon add(String resource, double scale, java.util.function.Predicate<String> accept) {
        Resources.eachRow(resource, (form, columns) -> {
            if (columns.length >= 2 && accept.test(form)) {
                valences.putIfAbsent(form, Double.parseDouble(columns[1]) * scale);
                int space = form.indexOf(' ');
                if (space > 0) {
                    phraseStarts.add(form.substring(0, space));
                }
            }
        });
        return this;
    }

    Double valence(String wordOrPhrase) {
        return valences.get(wordOrPhrase);
    }

    int size() {
        return valences.size();
    }

    /**
     * The longest entry starting at word {@code start} of {@code words}: its length in words, or 0 when none.
     * {@code found[0]} receives the valence.
     */
    int longestAt(List<String> words, int start, double[] found) {
        int longest = phraseStarts.contains(words.get(start)) ? MAX_PHRASE : 1;
        for (int n = Math.min(longest, words.size() - start); n >= 1; n--) {
            String key = n == 1 ? words.get(start) : String.join(" ", words.subList(start, start + n));
            Double v = n == 1 ? single(key) : valences.get(key);
            if (v != null) {
                found[0] = v;
                return n;
            }
        }
        return 0;
    }

    private Double single(String word) {
        Double v = valences.get(word);
        if (v != null || word.length() < 4) {
            return v;
        }
        Double known = baseForms.get(word);
        if (known == null) {
            known = baseFormValence(word);
            if (known == null) {
                known = NONE;
            }
            if (baseForms.size() < MAX_REMEMBERED) {
                baseForms.put(word, known);
            }
        }
        return known == NONE ? null : known;
    }

    /** The valence of the base form of an inflected word the lexicons do not list themselves, or null. */
    private Double baseFormValence(String word) {
        Double v;
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                String stem = word.substring(0, word.length() - ending.length());
                v = valences.get(stem);
                if (v == null
                        && stem.length() >= 3
                        && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    v = valences.get(stem.substring(0, stem.length() - 1)); // dikke -> dik
                }
                if (v == null) {
                    v = valences.get(doubledVowel(stem)); // grote -> groot
                }
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String doubledVowel(String stem) {
        int n = stem.length();
        char last = stem.charAt(n - 1);
        char vowel = stem.charAt(n - 2);
        char before = stem.charAt(n - 3);
        boolean open = "aeiou".indexOf(last) < 0 && "aeou".indexOf(vowel) >= 0 && "aeiou".indexOf(before) < 0;
        return open ? stem.substring(0, n - 1) + vowel + last : "";
    }
}
