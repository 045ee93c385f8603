package io.webcare.cases.replycheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A list of phrase patterns, Dutch and English, matched case-insensitively on word boundaries. */
final class Phrases {
    private final List<Pattern> patterns;

    private Phrases(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static Phrases of(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(compile(regex));
        }
        return new Phrases(List.copyOf(compiled));
    }

    static Pattern compile(String regex) {
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every matched phrase, as written in the text, once each, in order of the patterns. */
    Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        String normalised = normalise(text);
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(normalised);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    boolean anyIn(String text) {
        String normalised = normalise(text);
        return patterns.stream().anyMatch(p -> p.matcher(normalised).find());
    }

    List<Pattern> patterns() {
        return patterns;
    }

    /** Typographic apostrophes and runs of white space written as the patterns expect them. */
    static String normalise(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ");
    }
}
