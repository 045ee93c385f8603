package io.webcare.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, and every object it renders conforms to the schema of its kind. */
class K8sSchemaValidationTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void thereAreSmallAndProductionOverlays() {
        assertThat(overlays()).contains("small", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectConformsToTheSchemaOfItsKind(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);

        assertThat(objects).hasSizeGreaterThan(50);
        assertThat(objects.stream().flatMap(o -> SchemaCheck.violations(o).stream()))
                .as("schema violations in overlay %s", overlay)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void anUnknownFieldInAnyRenderedObjectIsAViolation(String overlay) {
        for (ObjectNode object : Manifests.render(overlay)) {
            ObjectNode broken = object.deepCopy();
            ObjectNode target = broken.has("spec") ? (ObjectNode) broken.get("spec") : broken;
            target.put("replicaz", 2);

            assertThat(SchemaCheck.violations(broken))
                    .as("%s %s with an unknown field", SchemaCheck.typeOf(object), Manifests.name(object))
                    .anySatisfy(v -> assertThat(v).contains("replicaz"));
        }
    }

    @Test
    void typosDeepInsideAManifestAreViolations() {
        List<ObjectNode> objects = Manifests.render("production");

        ObjectNode deployment =
                Manifests.named(objects, "Deployment", "case-service").deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("livenesProbe", container.remove("livenessProbe"));
        assertThat(SchemaCheck.violations(deployment))
                .anySatisfy(v -> assertThat(v).contains("livenesProbe"));

        ObjectNode policy =
                Manifests.named(objects, "NetworkPolicy", "sla-service").deepCopy();
        ((ObjectNode) policy.at("/spec/egress/0/ports/0")).put("protocol", "TPC");
        ((ArrayNode) policy.at("/spec/policyTypes")).set(0, "Ingres");
        assertThat(SchemaCheck.violations(policy))
                .anySatisfy(v -> assertThat(v).contains("TPC"))
                .anySatisfy(v -> assertThat(v).contains("Ingres"));

        ObjectNode topic =
                Manifests.named(objects, "KafkaTopic", "webcare.cases").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve");
        assertThat(SchemaCheck.violations(topic)).isNotEmpty();

        ObjectNode user = Manifests.named(objects, "KafkaUser", "sla-service").deepCopy();
        ((ObjectNode) user.at("/spec/authorization/acls/0"))
                .putArray("operations")
                .add("Reed");
        assertThat(SchemaCheck.violations(user)).isNotEmpty();

        ObjectNode deploymentWithBadMemory =
                Manifests.named(objects, "Deployment", "sla-service").deepCopy();
        ((ObjectNode) deploymentWithBadMemory.at("/spec/template/spec/containers/0/resources/limits"))
                .put("memory", "lots");
        assertThat(SchemaCheck.violations(deploymentWithBadMemory))
                .anySatisfy(v -> assertThat(v).contains("quantity"));

        ObjectNode cluster = Manifests.named(objects, "Cluster", "webcare-pg").deepCopy();
        ((ObjectNode) cluster.at("/spec/managed/roles/0")).put("ensure", "exists");
        assertThat(SchemaCheck.violations(cluster)).isNotEmpty();

        ObjectNode keycloak =
                Manifests.named(objects, "Keycloak", "webcare-keycloak").deepCopy();
        ((ObjectNode) keycloak.at("/spec/db")).put("vendor", "postgresql");
        assertThat(SchemaCheck.violations(keycloak)).isNotEmpty();
    }

    @Test
    void aKindWithoutASchemaIsAViolation() {
        ObjectNode unknown = Manifests.parse("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n")
                .getFirst();

        assertThat(SchemaCheck.violations(unknown)).singleElement().asString().contains("no schema");
    }

    @Test
    void aKustomizationThatDoesNotBuildFailsTheRendering(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("kustomization.yaml"),
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - missing.yaml\n");

        assertThatThrownBy(() -> Manifests.render(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kustomize failed");
    }
}
