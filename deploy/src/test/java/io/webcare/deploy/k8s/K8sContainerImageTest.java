package io.webcare.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The images the Deployments run are the ones the Maven build makes with jib, and only when asked to. */
class K8sContainerImageTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void everyServiceCanBuildItsImageWithJibButTheNormalBuildDoesNot() {
        for (String service : Manifests.SERVICES) {
            String pom = Manifests.read(Manifests.repoRoot().resolve(service).resolve("pom.xml"));
            Properties properties = Manifests.prodProperties(service);

            assertThat(pom).as(service).contains("<artifactId>quarkus-container-image-jib</artifactId>");
            assertThat(pom).as(service).doesNotContain("quarkus.container-image.build>true");
            assertThat(properties.getProperty("quarkus.container-image.build", "false"))
                    .as(service)
                    .isEqualTo("false");
            assertThat(properties.getProperty("quarkus.container-image.push", "false"))
                    .as(service)
                    .isEqualTo("false");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentRunsTheImageNamedAfterItsServiceFromAPinnedTag(String overlay) {
        for (ObjectNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            String image =
                    K8sWorkloadTest.onlyContainer(deployment).path("image").asText();

            assertThat(image)
                    .endsWith("/webcare/" + Manifests.name(deployment) + image.substring(image.lastIndexOf(':')));
            assertThat(image.substring(image.lastIndexOf(':') + 1)).isNotEqualTo("latest");
        }
    }
}
