package io.webcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.testsupport.ContractSchemas;
import io.webcare.testsupport.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The schema files as plain JSON documents, with {@code $ref}s resolved the way a reader (or analyst) follows them. */
final class SchemaFiles {
    private SchemaFiles() {}

    /** A schema node together with the {@code $id} of the document it sits in (the base of its relative refs). */
    record Located(URI base, JsonNode node) {}

    static JsonNode read(String resource) {
        try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Located root(EventType type) {
        return new Located(URI.create(ContractSchemas.schemaId(type)), read(type.schemaResource()));
    }

    /** Follows {@code $ref} (possibly several hops) to the node it points at; a node without one is returned as is. */
    static Located resolve(Located at) {
        Located current = at;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            assertThat(hops).as("$ref chain too long at %s", current.base()).isLessThan(10);
            URI target = current.base().resolve(current.node().get("$ref").asText());
            String id = target.getScheme() + ":" + target.getSchemeSpecificPart();
            assertThat(id)
                    .as("$ref %s must stay under %s", target, ContractSchemas.ID_PREFIX)
                    .startsWith(ContractSchemas.ID_PREFIX);
            JsonNode document = read("schemas/" + id.substring(ContractSchemas.ID_PREFIX.length()));
            assertThat(document.path("$id").asText()).as("$id of %s", id).isEqualTo(id);
            JsonNode node = target.getFragment() == null || target.getFragment().isEmpty()
                    ? document
                    : document.at(JsonPointer.compile(target.getFragment()));
            assertThat(node.isMissingNode()).as("%s points at nothing", target).isFalse();
            current = new Located(URI.create(id), node);
        }
        return current;
    }

    /** Every {@code *.schema.json} under {@code schemas/}, as classpath resource names (from target/classes). */
    static List<String> allResources() {
        try {
            Path dir = Path.of(
                    SchemaFiles.class.getClassLoader().getResource("schemas").toURI());
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(p -> p.toString().endsWith(".schema.json"))
                        .map(p -> "schemas/" + dir.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
