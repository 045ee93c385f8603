package io.webcare.sla.clocks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The default service levels every team starts with: first response 1 h, resolution 24 h, warning at 75 %. */
@ConfigMapping(prefix = "webcare.sla")
public interface SlaPolicyConfig {
    Duration firstResponse();

    Duration resolution();

    @WithName("warning-at")
    double warningAt();
}
