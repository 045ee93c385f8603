package io.webcare.routing.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.BiConsumer;

/** Reads the analysis resources shipped with the service (lexicons, cue lists) from the class path. */
final class Resources {
    private Resources() {}

    static boolean exists(String name) {
        return Resources.class.getClassLoader().getResource(name) != null;
    }

    /** Each non-comment line of a tab-separated file, split in its columns. */
    static void eachRow(String name, BiConsumer<String, String[]> row) {
        try (InputStream in = open(name);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("# ")) {
                    continue;
                }
                String[] columns = line.split("\t");
                row.accept(columns[0], columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static Properties properties(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name);
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return properties;
    }

    private static InputStream open(String name) {
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }
}
