package io.webcare.routing.analysis;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Language of a message by Lingua, restricted to the configured languages (it loads only their models and decides
 * only between them). Lingua sees the words only: mentions, links and emoji are stripped first. A text Lingua cannot
 * tell (no letters, or equally likely) gets the first configured language, the home market's.
 *
 * <p>Speed: Lingua costs some 50 us per tweet, more than the rest of the analysis together. So a text whose common
 * function words ({@code markers} in each language's cue file) are clearly of one language (at least two, and
 * at most a quarter as many of any other language; or a single one that is no word of another language, not one
 * of the {@code shared-markers} such as "was") is decided on them; Lingua decides every other text, on its first
 * 200 characters.
 */
final class LanguageDetection {
    private final LanguageDetector detector;
    private final String fallback;
    /** The configured languages, in order; a marker word maps to the bit set of the languages it marks (bit = index). */
    private final String[] languageCodes;

    private final java.util.Map<String, Integer> markerLanguages = new java.util.HashMap<>();
    /** Markers that are words of other languages too ("was" in Dutch): alone, they do not decide. */
    private final java.util.Set<String> sharedMarkers = new java.util.HashSet<>();

    private static final int CLEAR_MARKERS = 2;
    private static final int CLEAR_RATIO = 4;
    private static final int MAX_CHARS = 200;

    LanguageDetection(List<String> languages) {
        IsoCode639_1[] codes = languages.stream()
                .map(l -> IsoCode639_1.valueOf(l.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        this.detector = codes.length >= 2
                ? LanguageDetectorBuilder.fromIsoCodes639_1(codes)
                        .withPreloadedLanguageModels()
                        .withLowAccuracyMode()
                        .build()
                : null;
        this.fallback = languages.getFirst();
        this.languageCodes = languages.toArray(String[]::new);
        if (languageCodes.length > Integer.SIZE) {
            throw new IllegalArgumentException("at most " + Integer.SIZE + " languages: " + languages);
        }
        for (int l = 0; l < languageCodes.length; l++) {
            int bit = 1 << l;
            var cues = Resources.properties("sentiment/cues-" + languageCodes[l] + ".properties");
            for (String marker : Cues.list(cues, "markers")) {
                markerLanguages.merge(marker, bit, (a, b) -> a | b);
            }
            sharedMarkers.addAll(Cues.list(cues, "shared-markers"));
        }
    }

    /**
     * The language of {@code words} when its function words leave no doubt, else null: at least two of one language
     * and at most a quarter as many of any other (a stray "was" or "en" in a sentence full of the other language's
     * function words does not make it doubtful), or exactly one that is not shared with another language ("lost
     * my bag again": "my").
     */
    String byMarkers(java.util.List<String> words) {
        int[] hits = new int[languageCodes.length];
        String lastMarker = null;
        for (String word : words) {
            int mask = markerLanguages.getOrDefault(word, 0);
            if (mask != 0) {
                lastMarker = word;
                for (int l = 0; l < hits.length; l++) {
                    if ((mask & (1 << l)) != 0) {
                        hits[l]++;
                    }
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int secondHits = 0;
        for (int l = 0; l < hits.length; l++) {
            if (hits[l] > bestHits) {
                secondHits = bestHits;
                bestHits = hits[l];
                best = languageCodes[l];
            } else if (hits[l] > secondHits) {
                secondHits = hits[l];
            }
        }
        if (bestHits == 1 && secondHits == 0 && !sharedMarkers.contains(lastMarker)) {
            return best;
        }
        return bestHits >= CLEAR_MARKERS && secondHits * CLEAR_RATIO <= bestHits ? best : null;
    }

    String detect(java.util.List<String> words) {
        String clear = byMarkers(words);
        if (clear != null) {
            return clear;
        }
        StringBuilder plain = new StringBuilder(MAX_CHARS + 20);
        for (String word : words) {
            if (plain.length() >= MAX_CHARS) {
                break;
            }
            if (!plain.isEmpty()) {
                plain.append(' ');
            }
            plain.append(word);
        }
        return detect(plain.toString());
    }

    String detect(String plainWords) {
        if (detector == null || !hasLetter(plainWords)) {
            return fallback;
        }
        Language language = detector.detectLanguageOf(plainWords);
        return language == Language.UNKNOWN
                ? fallback
                : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
