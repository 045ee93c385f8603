package io.webcare.feedback.issues;

import io.webcare.feedback.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the product area of a group of complaints: each configured area scores three points per routing topic it
 * shares with the group and one per characteristic word it lists; the best score wins, else the default area.
 */
@ApplicationScoped
public class ProductAreas {
    private final FeedbackConfig config;

    public ProductAreas(FeedbackConfig config) {
        this.config = config;
    }

    public record Match(String area, String owner) {}

    public Match match(Collection<String> topics, Collection<String> words) {
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, FeedbackConfig.Area> area : config.areas().entrySet()) {
            int score = 0;
            for (String topic : area.getValue().topics().orElse(List.of())) {
                if (topics.contains(topic)) {
                    score += 3;
                }
            }
            for (String term : area.getValue().terms().orElse(List.of())) {
                String t = term.toLowerCase(Locale.ROOT);
                if (words.stream().anyMatch(w -> w.startsWith(t) || t.startsWith(w) && w.length() >= 4)) {
                    score += 1;
                }
            }
            if (score > bestScore
                    || (score == bestScore && score > 0 && area.getKey().compareTo(best) < 0)) {
                best = area.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return new Match(config.defaultArea(), ownerOf(config.defaultArea()).orElse(null));
        }
        return new Match(best, ownerOf(best).orElse(null));
    }

    private Optional<String> ownerOf(String area) {
        FeedbackConfig.Area configured = config.areas().get(area);
        return configured == null ? Optional.empty() : configured.owner();
    }
}
