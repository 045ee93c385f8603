package io.webcare.ingest.webhooks;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The secrets the platform webhooks are checked with. They come from the environment in production
 * ({@code WEBCARE_CHANNELS_META_APP_SECRET}, {@code WEBCARE_CHANNELS_META_VERIFY_TOKEN},
 * {@code WEBCARE_CHANNELS_X_CONSUMER_SECRET}); a platform whose secret is not set has no webhook on this instance
 * (its endpoints answer 404), so a deployment that does not use a platform need not invent a secret for it.
 */
@ConfigMapping(prefix = "webcare.channels")
public interface ChannelsConfig {
    Meta meta();

    X x();

    interface Meta {
        /** The Meta app secret: the key of {@code X-Hub-Signature-256}. */
        Optional<String> appSecret();

        /** The token we gave Meta when subscribing; Meta sends it back in the verification handshake. */
        Optional<String> verifyToken();
    }

    interface X {
        /** The X app's consumer secret: the key of the CRC answer and of {@code x-twitter-webhooks-signature}. */
        Optional<String> consumerSecret();
    }
}
