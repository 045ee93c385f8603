package io.webcare.ingest.replies;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How replies leave for the platforms. Tokens come from the environment ({@code WEBCARE_REPLIES_META_ACCESS_TOKEN},
 * {@code WEBCARE_REPLIES_X_ACCESS_TOKEN}) and are never committed; a platform without its token fails its replies
 * with reason {@code not-configured} instead of calling out. Base URLs point at the real APIs by default and at the
 * simulator ({@code /simulator/...}) in tests and the local stack.
 */
@ConfigMapping(prefix = "webcare.replies")
public interface RepliesConfig {
    Meta meta();

    X x();

    /** Time allowed to open a connection to a platform. */
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** Time allowed for one call, from sending the request to the whole answer. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Calls per reply at most, the first one included; only transient failures (5xx, 429, timeouts) are retried. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before the second call; it doubles for every further call, up to {@link #maxBackoff()}. */
    @WithDefault("PT0.5S")
    Duration firstBackoff();

    @WithDefault("PT20S")
    Duration maxBackoff();

    /** A 429 asking to wait longer than this is not waited for: the reply fails as {@code unreachable}. */
    @WithDefault("PT60S")
    Duration maxRetryAfter();

    /**
     * How long a reply may stay "sending" before it is reported as failed, outcome unknown (the
     * process died between the platform call and recording its answer). Longer than the longest possible delivery.
     */
    @WithDefault("PT10M")
    Duration sendingLease();

    /** How often replies left "sending" are looked for (the schedule of {@link StaleReplySweeper}). */
    @WithDefault("PT30S")
    Duration sweepInterval();

    interface Meta {
        /** The Graph API root, without version. */
        @WithDefault("https://graph.facebook.com")
        String baseUrl();

        @WithDefault("v21.0")
        String apiVersion();

        /** A page (and WhatsApp business) access token with the messaging and comment permissions. */
        Optional<String> accessToken();

        /** Language code of the approved WhatsApp templates sent when the 24 h window has closed. */
        @WithDefault("nl")
        String templateLanguage();
    }

    interface X {
        /** The X API root (v2 paths are appended). */
        @WithDefault("https://api.x.com")
        String baseUrl();

        /** An OAuth 2.0 user-context token of the brand account (tweet.write, dm.write). */
        Optional<String> accessToken();
    }
}
