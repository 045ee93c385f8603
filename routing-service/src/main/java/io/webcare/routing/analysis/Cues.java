package io.webcare.routing.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A language's cue words: negators, intensifiers, contrast words, question starters, requests, spam, problems, and the
 * politeness that closes a complaint as often as a compliment, and the inflectional endings a word may carry beyond the base
 * form the lexicons list.
 */
record Cues(
        Set<String> negators,
        Set<String> intensifiers,
        Set<String> diminishers,
        Set<String> contrast,
        Set<String> questionStarters,
        TermMatcher requests,
        TermMatcher spam,
        TermMatcher problems,
        Set<String> politeness,
        List<String> inflections,
        Set<String> markers) {

    static Cues load(String language) {
        Properties p = Resources.properties("sentiment/cues-" + language + ".properties");
        return new Cues(
                words(p, "negators"),
                words(p, "intensifiers"),
                words(p, "diminishers"),
                words(p, "contrast"),
                words(p, "question-starters"),
                TermMatcher.single("request", list(p, "requests")),
                TermMatcher.single("spam", list(p, "spam")),
                TermMatcher.single("problem", list(p, "problems")),
                words(p, "politeness"),
                list(p, "inflections"),
                words(p, "markers"));
    }

    static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Set<String> words(Properties p, String key) {
        return list(p, key).stream().collect(Collectors.toUnmodifiableSet());
    }
}
