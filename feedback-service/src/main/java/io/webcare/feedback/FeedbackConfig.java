package io.webcare.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything feedback-service can be told: grouping, when a group becomes an issue, product areas, spikes. */
@ConfigMapping(prefix = "webcare.feedback")
public interface FeedbackConfig {

    Grouping grouping();

    Issue issue();

    /** Product areas by name: their owner and the topics and words of complaints that belong to them. */
    Map<String, Area> areas();

    /** Area of an issue no configured area matches. */
    @WithDefault("general")
    String defaultArea();

    Spike spike();

    interface Grouping {
        /** Cosine similarity a complaint needs with a group to join it (lexical: Dutch, or no word vectors). */
        @WithDefault("0.30")
        double similarity();

        /** Weight of the meaning cosine (English word vectors) in the blended similarity; 0 turns it off. */
        @WithDefault("0.5")
        double meaningWeight();

        /** Blended similarity an English complaint needs with a group of English complaints to join it. */
        @WithDefault("0.50")
        double meaningSimilarity();

        @WithDefault("200000")
        int maxGroups();

        /** A group nobody joined for this long expires (unless it has an open issue). */
        @WithDefault("P14D")
        Duration idleExpiry();
    }

    interface Issue {
        /** Complaints a group needs within {@link #window()} to become an issue. */
        @WithDefault("5")
        int minComplaints();

        @WithDefault("P1D")
        Duration window();
    }

    interface Area {
        /** Keycloak username of the product owner. */
        Optional<String> owner();

        /** Routing topics of the area (a match weighs three words). */
        Optional<List<String>> topics();

        /** Words of the area, matched against a group's characteristic words. */
        Optional<List<String>> terms();
    }

    interface Spike {
        /** Length of one counting bucket. */
        @WithDefault("PT1M")
        Duration bucket();

        /** The recent window whose count is compared with the baseline. */
        @WithDefault("PT10M")
        Duration window();

        /** Complaints the window needs at least, however low the baseline. */
        @WithDefault("10")
        int minCount();

        /** How many times the baseline the window must reach. */
        @WithDefault("3.0")
        double factor();

        /** Weight of the newest bucket in the exponentially weighted baseline. */
        @WithDefault("0.05")
        double baselineWeight();

        /** An incident stays open this long after the rate was last above its threshold. */
        @WithDefault("PT30M")
        Duration cooldown();
    }
}
