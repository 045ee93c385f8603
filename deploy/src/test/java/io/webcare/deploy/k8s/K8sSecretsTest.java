package io.webcare.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No Secret value is in the repository's manifests: they only name Secrets that ops or the operators create. */
class K8sSecretsTest {
    private static final Set<String> SECRET_FIELDS = Set.of(
            "secretKeyRef",
            "passwordSecret",
            "usernameSecret",
            "secret",
            "superuserSecret",
            "accessKeyId",
            "secretAccessKey",
            "region",
            "sessionToken");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noOverlayRendersASecret(String overlay) {
        assertThat(Manifests.ofKind(Manifests.render(overlay), "Secret")).isEmpty();
    }

    @Test
    void noManifestFileDeclaresASecretWithValuesOrGeneratesOne() {
        for (Path file : manifestFiles()) {
            String text = Manifests.read(file);
            assertThat(text).as("%s generates no Secret", file).doesNotContain("secretGenerator");
            for (ObjectNode object : Manifests.parse(text)) {
                if (object.path("kind").asText().equals("Secret")) {
                    assertThat(object.path("data").isEmpty()
                                    && object.path("stringData").isEmpty())
                            .as("%s: Secret %s carries values", file, Manifests.name(object))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void noKnownLocalOrTestSecretAppearsInTheKubernetesFiles() {
        Set<String> secrets = knownSecrets();
        assertThat(secrets).as("the known secrets were found").contains("contact-centre-secret");

        for (Path file : allFiles()) {
            String text = Manifests.read(file);
            for (String secret : secrets) {
                Matcher match = Pattern.compile("(?<![\\w-])" + Pattern.quote(secret) + "(?![\\w-])")
                        .matcher(text);
                assertThat(match.find())
                        .as("%s contains the secret %s", file, secret)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretAManifestNamesIsDocumentedAsCreatedByOpsOrByAnOperator(String overlay) {
        String guide = Manifests.read(Manifests.k8sDir().resolve("README.md"));
        Set<String> referenced = new TreeSet<>();
        Manifests.render(overlay).forEach(o -> collectSecretNames(o, referenced));

        assertThat(referenced).contains("webcare-pg-ingest", "ingest-channels", "webcare-cluster-ca-cert");
        assertThat(referenced)
                .allSatisfy(name ->
                        assertThat(guide).as("README names Secret %s", name).contains("`" + name + "`"));
    }

    static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(n -> collectSecretNames(n, names));
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (e.getKey().equals("secretName") || e.getKey().equals("tlsSecret")) {
                    names.add(value.asText());
                } else if (SECRET_FIELDS.contains(e.getKey()) && value.isObject() && value.has("name")) {
                    names.add(value.path("name").asText());
                }
                collectSecretNames(value, names);
            });
        }
    }

    /** Client secrets of the local realm, the local stack's webhook secrets, the services' test secrets. */
    private static Set<String> knownSecrets() {
        Path root = Manifests.repoRoot();
        Set<String> secrets = new TreeSet<>();
        try {
            JsonNode realm = Manifests.YAML.readTree(
                    root.resolve("deploy/local/keycloak/webcare-realm.json").toFile());
            realm.path("clients").forEach(c -> {
                if (c.hasNonNull("secret")) {
                    secrets.add(c.get("secret").asText());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher defaults = Pattern.compile(":-(local-[\\w-]+)}")
                .matcher(Manifests.read(root.resolve("deploy/local/lib/services.sh")));
        while (defaults.find()) {
            secrets.add(defaults.group(1));
        }
        for (String service : Manifests.SERVICES) {
            Properties properties = new Properties();
            try (InputStream in =
                    Files.newInputStream(root.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.matches("(?i).*(secret|token|password).*")) {
                    secrets.add(properties.getProperty(key).trim());
                }
            }
        }
        secrets.removeIf(s -> s.length() < 6 || s.startsWith("${"));
        return secrets;
    }

    private static List<Path> manifestFiles() {
        return allFiles().stream()
                .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                .toList();
    }

    private static List<Path> allFiles() {
        try (Stream<Path> files = Files.walk(Manifests.k8sDir())) {
            List<Path> found =
                    new ArrayList<>(files.filter(Files::isRegularFile).toList());
            assertThat(found).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
