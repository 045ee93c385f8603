package io.webcare.routing.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** The shipped default rules, read from the same resource the service seeds its database with. */
public final class DefaultRules {
    public static final RuleSet RULES = read();

    private DefaultRules() {}

    private static RuleSet read() {
        try (InputStream in = DefaultRules.class.getClassLoader().getResourceAsStream(RuleService.DEFAULT_RULES)) {
            return new ObjectMapper().findAndRegisterModules().readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
