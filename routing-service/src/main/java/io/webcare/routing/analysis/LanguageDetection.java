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
 * at most a quarter as many of any other language) is decided on them; Lingua decides every other text, on its first 200 characters.
 */
final class LanguageDetection {
    private final LanguageDetector detector;
    private final String fallback;
    private final java.util.Map<String, java.util.Set<String>> markers = new java.util.LinkedHashMap<>();
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
        for (String language : languages) {
            markers.put(
                    language,
                    java.util.Set.copyOf(
                            Cues.list(Resources.properties("sentiment/cues-" + language + ".properties"), "markers")));
        }
    }

    /**
     * The language of {@code words} when its function words leave no doubt, else null: at least two of one language
     * and at most a quarter as many of any other (a stray "was" or "en" in a sentence full of the other language's
     * function words does not make it doubtful).
     */
    String byMarkers(java.util.List<String> words) {
        String best = null;
        int bestHits = 0;
        int secondHits = 0;
        for (var entry : markers.entrySet()) {
            int hits = 0;
            for (String word : words) {
                if (entry.getValue().contains(word)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                secondHits = bestHits;
                bestHits = hits;
                best = entry.getKey();
            } else if (hits > secondHits) {
                secondHits = hits;
            }
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
        if (detector == null || plainWords.chars().noneMatch(Character::isLetter)) {
            return fallback;
        }
        Language language = detector.detectLanguageOf(plainWords);
        return language == Language.UNKNOWN
                ? fallback
                : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
