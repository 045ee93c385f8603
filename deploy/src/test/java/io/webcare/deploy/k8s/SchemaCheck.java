package io.webcare.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one rendered object against the schema of its kind: the typed model (fabric8 for Kubernetes and the
 * Prometheus operator, io.strimzi:api for Strimzi) or, for operators with no JVM artifact, the JSON Schema in
 * deploy/k8s/schemas. A field of the wrong type, a value outside an enumeration the model knows, a field the model
 * does not know (anything that lands in a model's additionalProperties), a malformed quantity, or a kind with no
 * schema at all is a violation.
 */
final class SchemaCheck {
    private static final ObjectMapper MODELS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, Class<?>> MODEL_BY_KIND = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    private static final Map<String, String> SCHEMA_BY_KIND = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "cloudnative-pg.schema.yaml#/$defs/cluster",
            "postgresql.cnpg.io/v1/Database", "cloudnative-pg.schema.yaml#/$defs/database",
            "postgresql.cnpg.io/v1/ScheduledBackup", "cloudnative-pg.schema.yaml#/$defs/scheduledBackup",
            "k8s.keycloak.org/v2alpha1/Keycloak", "keycloak-operator.schema.yaml#/$defs/keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloak-operator.schema.yaml#/$defs/realmImport");

    /**
     * Enumerations of the Kubernetes API that fabric8's models type as plain strings (the API server rejects other
     * values): the place, as a pattern over the path the walk builds, and the values allowed there.
     */
    private static final Map<Pattern, Set<String>> KUBERNETES_ENUMS = Map.of(
            Pattern.compile(".*\\.ports\\[\\d+]\\.protocol"), Set.of("TCP", "UDP", "SCTP"),
            Pattern.compile(".*\\.imagePullPolicy"), Set.of("Always", "IfNotPresent", "Never"),
            Pattern.compile("\\.spec\\.policyTypes\\[\\d+]"), Set.of("Ingress", "Egress"),
            Pattern.compile("\\.spec\\.strategy\\.type"), Set.of("RollingUpdate", "Recreate"),
            Pattern.compile("\\.spec\\.metrics\\[\\d+]\\.type"),
                    Set.of("Resource", "Pods", "Object", "External", "ContainerResource"),
            Pattern.compile("\\.spec\\.metrics\\[\\d+]\\.\\w+\\.target\\.type"),
                    Set.of("Utilization", "Value", "AverageValue"),
            Pattern.compile(".*\\.seccompProfile\\.type"), Set.of("RuntimeDefault", "Localhost", "Unconfined"),
            Pattern.compile(".*\\.whenUnsatisfiable"), Set.of("DoNotSchedule", "ScheduleAnyway"),
            Pattern.compile(".*\\.capabilities\\.drop\\[\\d+]"), Set.of("ALL"));

    private static final Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Class<?>, Map<String, BeanPropertyDefinition>> PROPERTIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SchemaCheck() {}

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** Every violation of the object's schema, each naming the object and the place; empty when it conforms. */
    static List<String> violations(JsonNode object) {
        String type = typeOf(object);
        String where = type + " " + Manifests.name(object) + ": ";
        List<String> found = new ArrayList<>();
        if (Manifests.name(object).isEmpty()) {
            found.add(where + "metadata.name is missing");
        }
        Class<?> model = MODEL_BY_KIND.get(type);
        String schema = SCHEMA_BY_KIND.get(type);
        if (model != null) {
            try {
                Object bound = MODELS.treeToValue(object, model);
                walk(bound, object, "", found, where);
            } catch (Exception e) {
                found.add(where + e.getMessage().lines().findFirst().orElse(e.toString()));
            }
        } else if (schema != null) {
            for (ValidationMessage message : schema(schema).validate(object)) {
                found.add(where + message.getMessage());
            }
        } else {
            found.add(where + "no schema for this apiVersion and kind (add one to SchemaCheck)");
        }
        return found;
    }

    private static JsonSchema schema(String ref) {
        return SCHEMAS.computeIfAbsent(ref, r -> {
            String file = r.substring(0, r.indexOf('#'));
            String pointer = r.substring(r.indexOf('#') + 1);
            try {
                JsonNode root = Manifests.YAML.readTree(Path.of(Manifests.k8sDir()
                                .resolve("schemas")
                                .resolve(file)
                                .toString())
                        .toFile());
                JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
                // The definition is validated with the whole document as its root, so its $refs resolve.
                JsonNode definition = root.at(pointer);
                if (definition.isMissingNode()) {
                    throw new IllegalStateException("no " + pointer + " in " + file);
                }
                com.fasterxml.jackson.databind.node.ObjectNode wrapper = root.deepCopy();
                wrapper.remove("title");
                wrapper.put("$ref", "#" + pointer);
                return factory.getSchema(wrapper, config);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Walks a bound model beside the tree it was bound from. A field with no property in the model is unknown; a
     * field given a value that the model left null was not accepted (Strimzi binds an enumeration constant it does
     * not know to null); a malformed quantity is a violation.
     */
    private static void walk(Object value, JsonNode given, String path, List<String> found, String where) {
        if (given == null || given.isNull()) {
            return;
        }
        if (given.isTextual() && value != null && value.getClass().getName().startsWith("java.")) {
            KUBERNETES_ENUMS.forEach((place, allowed) -> {
                if (place.matcher(path).matches() && !allowed.contains(given.asText())) {
                    found.add(where + path + ": " + given + " is not one of " + allowed);
                }
            });
        }
        if (value == null) {
            found.add(where + path + ": value " + given + " is not one the schema accepts");
            return;
        }
        if (value instanceof List<?> items) {
            for (int i = 0; i < given.size(); i++) {
                walk(i < items.size() ? items.get(i) : null, given.get(i), path + "[" + i + "]", found, where);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            given.properties()
                    .forEach(e -> walk(map.get(e.getKey()), e.getValue(), path + "." + e.getKey(), found, where));
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                found.add(where + path + ": not a quantity: " + given);
            }
            return;
        }
        if (!isModel(value.getClass()) || !given.isObject()) {
            return;
        }
        Map<String, BeanPropertyDefinition> properties = PROPERTIES.computeIfAbsent(value.getClass(), type -> {
            Map<String, BeanPropertyDefinition> byName = new HashMap<>();
            MODELS.getSerializationConfig()
                    .introspect(MODELS.constructType(type))
                    .findProperties()
                    .forEach(p -> byName.put(p.getName(), p));
            return byName;
        });
        given.properties().forEach(e -> {
            BeanPropertyDefinition property = properties.get(e.getKey());
            if (property == null || property.getAccessor() == null) {
                found.add(where + path + "." + e.getKey() + ": unknown field");
                return;
            }
            Object child;
            try {
                child = property.getAccessor().getValue(value);
            } catch (RuntimeException ex) {
                found.add(where + path + "." + e.getKey() + ": " + ex.getMessage());
                return;
            }
            walk(child, e.getValue(), path + "." + e.getKey(), found, where);
        });
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.")) && !type.isEnum();
    }
}
