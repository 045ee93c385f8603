package io.webcare.ingest.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The simulator channel: on in tests and the local stack ({@code WEBCARE_SIMULATOR_ENABLED=true}), off in prod. */
@ConfigMapping(prefix = "webcare.simulator")
public interface SimulatorConfig {
    @WithDefault("false")
    boolean enabled();

    /** The simulator keeps this many posts (oldest dropped first). */
    @WithDefault("10000")
    int maxPosts();
}
