package io.webcare.deploy.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the scripted demo messages from the classpath resource {@code demo-messages.json}. */
public final class DemoMessages {

    public static final String RESOURCE = "/demo-messages.json";

    private DemoMessages() {}

    public static List<DemoMessage> load() {
        try (InputStream in = DemoMessages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return List.copyOf(Json.MAPPER.readValue(in, new TypeReference<List<DemoMessage>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
