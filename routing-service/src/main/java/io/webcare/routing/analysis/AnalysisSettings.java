package io.webcare.routing.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the analysis is configured with, read from the {@code webcare.analysis.*} keys (application.properties, or the
 * environment). Term lists may be per language ({@code webcare.analysis.topic.billing.nl=factuur,...}) or for all
 * languages ({@code webcare.analysis.topic.billing=...}).
 *
 * @param languages the languages to detect between (ISO 639-1), first = the fallback for texts too short to tell
 * @param ownHandles the brand's own accounts ({@code @acme}): a clause mentioning them is about us
 * @param otherBrands names and handles of other brands: a clause about them is not about us
 * @param topics label -> language ("" for all) -> terms
 * @param signals label -> language ("" for all) -> terms
 * @param positiveThreshold compound score from which a message is positive
 * @param negativeThreshold compound score up to which a message is negative
 * @param positiveThresholdByLanguage a language's own positive threshold ({@code sentiment.positive-threshold.nl})
 */
public record AnalysisSettings(
        List<String> languages,
        Set<String> ownHandles,
        Set<String> otherBrands,
        Map<String, Map<String, List<String>>> topics,
        Map<String, Map<String, List<String>>> signals,
        double positiveThreshold,
        double negativeThreshold,
        Map<String, Double> positiveThresholdByLanguage) {
    public static final String PREFIX = "webcare.analysis.";

    public AnalysisSettings {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("webcare.analysis.languages needs at least one language");
        }
        if (negativeThreshold > positiveThreshold) {
            throw new IllegalArgumentException("the negative threshold lies above the positive one");
        }
    }

    /** The settings in the service's own application.properties (used by the command-line tools). */
    public static AnalysisSettings fromClasspath() {
        return from(Resources.properties("application.properties"));
    }

    public static AnalysisSettings from(Properties properties) {
        Map<String, String> keys = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                keys.put(name.substring(PREFIX.length()), properties.getProperty(name));
            }
        }
        return from(keys);
    }

    /** From keys without the {@code webcare.analysis.} prefix. */
    public static AnalysisSettings from(Map<String, String> keys) {
        return new AnalysisSettings(
                list(keys.getOrDefault("languages", "nl,en")),
                handles(keys.getOrDefault("own-handles", "")),
                handles(keys.getOrDefault("other-brands", "")),
                terms(keys, "topic."),
                terms(keys, "signal."),
                Double.parseDouble(keys.getOrDefault("sentiment.positive-threshold", "0.4")),
                Double.parseDouble(keys.getOrDefault("sentiment.negative-threshold", "-0.001")),
                byLanguage(keys, "sentiment.positive-threshold."));
    }

    private static Map<String, Double> byLanguage(Map<String, String> keys, String prefix) {
        Map<String, Double> result = new TreeMap<>();
        keys.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), Double.parseDouble(value));
            }
        });
        return result;
    }

    public double positiveThreshold(String language) {
        return positiveThresholdByLanguage.getOrDefault(language, positiveThreshold);
    }

    public AnalysisSettings withOwnHandles(Set<String> handles) {
        return new AnalysisSettings(
                languages,
                handles,
                otherBrands,
                topics,
                signals,
                positiveThreshold,
                negativeThreshold,
                positiveThresholdByLanguage);
    }

    private static Map<String, Map<String, List<String>>> terms(Map<String, String> keys, String prefix) {
        Map<String, Map<String, List<String>>> result = new TreeMap<>();
        keys.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String label = dot < 0 ? rest : rest.substring(0, dot);
            String language = dot < 0 ? "" : rest.substring(dot + 1);
            result.computeIfAbsent(label, l -> new LinkedHashMap<>()).put(language, list(value));
        });
        return result;
    }

    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(items);
    }

    private static Set<String> handles(String value) {
        return list(value).stream().collect(Collectors.toUnmodifiableSet());
    }

    /** The terms for one language: those for all languages plus the language's own. */
    static Map<String, List<String>> forLanguage(Map<String, Map<String, List<String>>> table, String language) {
        Map<String, List<String>> result = new TreeMap<>();
        table.forEach((label, byLanguage) -> {
            List<String> terms = new ArrayList<>(byLanguage.getOrDefault("", List.of()));
            terms.addAll(byLanguage.getOrDefault(language, List.of()));
            if (!terms.isEmpty()) {
                result.put(label, terms);
            }
        });
        return result;
    }
}
