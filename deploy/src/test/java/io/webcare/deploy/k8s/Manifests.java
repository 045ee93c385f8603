package io.webcare.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests of deploy/k8s as the cluster would receive them: each overlay rendered by kustomize (the
 * one built into kubectl, or a standalone kustomize), parsed into JSON trees. Renders once per overlay and JVM.
 */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();
    static final List<String> SERVICES =
            List.of("ingest-service", "routing-service", "case-service", "sla-service", "feedback-service");

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {}

    /** The repository's root (the tests run in the deploy module or at the root). */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("deploy/k8s not found above " + dir);
    }

    static Path k8sDir() {
        return repoRoot().resolve("deploy/k8s");
    }

    /** Every overlay under deploy/k8s/overlays: each must render and pass every check. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8sDir().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> render(String overlay) {
        return render(k8sDir().resolve("overlays").resolve(overlay));
    }

    static List<ObjectNode> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Manifests::kustomize);
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    objects.add((ObjectNode) doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private static List<ObjectNode> kustomize(Path dir) {
        List<String> command = new ArrayList<>(renderer());
        command.add(dir.toString());
        try {
            // Errors go to a file, so a chatty stderr can never block the process while stdout is read.
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                var out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kustomize did not finish in 120 s: " + command);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kustomize failed for " + dir + " (exit " + process.exitValue()
                            + "): " + Files.readString(errors));
                }
                return parse(new String(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code $KUBECTL kustomize}, else {@code kubectl kustomize} or {@code kustomize build} from the PATH. The
     * java-maven machine image ships kubectl (with kustomize v5) in /usr/bin; see deploy/k8s/README.md.
     */
    static List<String> renderer() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return List.of(explicit, "kustomize");
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize");
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build");
        }
        throw new IllegalStateException("Neither kubectl nor kustomize is on the PATH (nor $KUBECTL set): the"
                + " Kubernetes manifests cannot be rendered. Install kubectl (kustomize v5 built in); see"
                + " deploy/k8s/README.md.");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The service's application.properties as its prod profile sees them (no prefix, or a list naming prod). */
    static Properties prodProperties(String service) {
        Path file = repoRoot().resolve(service).resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties prod = new Properties();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                prod.putIfAbsent(key, raw.getProperty(key));
            }
        }
        for (String key : raw.stringPropertyNames()) {
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                List<String> profiles = List.of(key.substring(1, dot).split(","));
                if (profiles.contains("prod")) {
                    prod.put(key.substring(dot + 1), raw.getProperty(key));
                }
            }
        }
        return prod;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
