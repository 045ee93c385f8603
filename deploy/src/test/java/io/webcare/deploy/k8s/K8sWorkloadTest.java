package io.webcare.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service runs as ops expect: probes, sized resources, non-root and read-only, and its companions. */
class K8sWorkloadTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasExactlyOneDeployment(String overlay) {
        List<String> deployments = Manifests.ofKind(Manifests.render(overlay), "Deployment").stream()
                .map(Manifests::name)
                .toList();

        assertThat(deployments).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentProbesTheQuarkusHealthEndpointsOnItsHttpPort(String overlay) {
        for (ObjectNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            JsonNode container = onlyContainer(deployment);
            String port = Manifests.prodProperties(Manifests.name(deployment)).getProperty("quarkus.http.port");

            assertThat(container.at("/ports/0/containerPort").asText())
                    .as("%s listens where its application.properties says", Manifests.name(deployment))
                    .isEqualTo(port);
            assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).at("/httpGet/port").asText())
                        .as("%s %s port", Manifests.name(deployment), probe)
                        .isEqualTo("http");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasCpuAndMemoryRequestsWithinItsLimits(String overlay) {
        for (ObjectNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            JsonNode resources = onlyContainer(deployment).path("resources");
            for (String resource : List.of("cpu", "memory")) {
                String request = resources.at("/requests/" + resource).asText();
                String limit = resources.at("/limits/" + resource).asText();

                assertThat(request)
                        .as("%s %s request", Manifests.name(deployment), resource)
                        .isNotEmpty();
                assertThat(limit)
                        .as("%s %s limit", Manifests.name(deployment), resource)
                        .isNotEmpty();
                assertThat(Quantity.getAmountInBytes(new Quantity(request)))
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(new Quantity(limit)));
            }
            // A Quarkus service of this kind was measured at ~245 MB RSS (infra-notes.md): the limit leaves headroom.
            assertThat(Quantity.getAmountInBytes(
                            new Quantity(resources.at("/limits/memory").asText())))
                    .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("384Mi")));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        for (ObjectNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = onlyContainer(deployment);
            String name = Manifests.name(deployment);

            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isPositive();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                    .isFalse();
            assertThat(stream(container.at("/securityContext/capabilities/drop"))
                            .map(JsonNode::asText))
                    .containsExactly("ALL");
            String tmpVolume = stream(container.path("volumeMounts"))
                    .filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .map(m -> m.path("name").asText())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no /tmp mount"));
            assertThat(stream(pod.path("volumes"))
                            .filter(v -> v.path("name").asText().equals(tmpVolume)))
                    .singleElement()
                    .satisfies(v -> assertThat(v.has("emptyDir")).isTrue());
            assertThat(stream(container.path("volumeMounts"))
                            .filter(m -> !m.path("mountPath").asText().equals("/tmp")))
                    .as("%s: every other mount is read-only", name)
                    .allSatisfy(m -> assertThat(m.path("readOnly").asBoolean()).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasAServiceAPodDisruptionBudgetAndAServiceMonitorSelectingItsPods(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = Manifests.name(deployment);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

            assertThat(selects(Manifests.named(objects, "Service", name).at("/spec/selector"), podLabels))
                    .isTrue();
            assertThat(selects(
                            Manifests.named(objects, "PodDisruptionBudget", name)
                                    .at("/spec/selector/matchLabels"),
                            podLabels))
                    .isTrue();
            ObjectNode monitor = Manifests.named(objects, "ServiceMonitor", name);
            assertThat(selects(
                            monitor.at("/spec/selector/matchLabels"),
                            Manifests.named(objects, "Service", name).at("/metadata/labels")))
                    .isTrue();
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
            assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void anAutoscaledDeploymentScalesOnCpuWithinItsDisruptionBudget(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        for (ObjectNode hpa : Manifests.ofKind(objects, "HorizontalPodAutoscaler")) {
            String target = hpa.at("/spec/scaleTargetRef/name").asText();
            assertThat(Manifests.find(objects, "Deployment", target)).isPresent();
            assertThat(stream(hpa.at("/spec/metrics")))
                    .anySatisfy(m -> assertThat(m.at("/resource/name").asText()).isEqualTo("cpu"));
            assertThat(hpa.at("/spec/minReplicas").asInt())
                    .isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
        }
    }

    @org.junit.jupiter.api.Test
    void productionRunsAtLeastTwoPodsOfEveryServiceAndAutoscalesThem() {
        List<ObjectNode> objects = Manifests.render("production");
        for (String service : Manifests.SERVICES) {
            assertThat(Manifests.named(objects, "Deployment", service)
                            .at("/spec/replicas")
                            .asInt())
                    .isGreaterThanOrEqualTo(2);
            assertThat(Manifests.named(objects, "HorizontalPodAutoscaler", service)
                            .at("/spec/minReplicas")
                            .asInt())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @org.junit.jupiter.api.Test
    void productionScalesEveryConsumerOnItsConsumerGroupLag() {
        List<ObjectNode> objects = Manifests.render("production");
        for (String service : Manifests.SERVICES) {
            List<String> groups = KafkaConfig.of(service).groups();
            if (groups.isEmpty()) {
                continue;
            }
            List<String> lagGroups = stream(Manifests.named(objects, "HorizontalPodAutoscaler", service)
                            .at("/spec/metrics"))
                    .filter(m -> m.path("type").asText().equals("External"))
                    .map(m -> m.at("/external/metric/selector/matchLabels/consumergroup")
                            .asText())
                    .toList();
            assertThat(lagGroups).as(service).containsExactlyInAnyOrderElementsOf(groups);
        }
    }

    @org.junit.jupiter.api.Test
    void theSmallSetupRunsOnePodOfEachServiceWithoutAutoscaling() {
        List<ObjectNode> objects = Manifests.render("small");

        assertThat(Manifests.ofKind(objects, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Manifests.ofKind(objects, "Deployment"))
                .allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
    }

    static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size())
                .as("containers of %s", Manifests.name(deployment))
                .isEqualTo(1);
        return containers.get(0);
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        return !selector.isEmpty()
                && selector.properties().stream().allMatch(e -> e.getValue()
                        .asText()
                        .equals(labels.path(e.getKey()).asText(null)));
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
