package io.webcare.routing.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/** The one analyser of the service, configured from the {@code webcare.analysis.*} keys (properties or environment). */
@ApplicationScoped
public class AnalyserProducer {
    @Produces
    @Singleton
    MessageAnalyser analyser(Config config) {
        return new MessageAnalyser(settings(config));
    }

    @Produces
    @Singleton
    AnalysisSettings settings(Config config) {
        Map<String, String> keys = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(AnalysisSettings.PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> keys.put(name.substring(AnalysisSettings.PREFIX.length()), v));
            }
        }
        return AnalysisSettings.from(keys);
    }
}
