package io.webcare.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The realm imported in the cluster is the local realm's roles, clients and mappers, without people or secrets. */
class K8sRealmImportTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmHasTheLocalRealmsRolesAndClients(String overlay) throws IOException {
        JsonNode local = localRealm();
        JsonNode imported = realmImport(overlay).at("/spec/realm");

        assertThat(imported.path("realm").asText())
                .isEqualTo(local.path("realm").asText());
        assertThat(imported.at("/roles/realm")).isEqualTo(local.at("/roles/realm"));
        assertThat(imported.path("components")).isEqualTo(local.path("components"));
        assertThat(clientsWithoutSecrets(imported)).isEqualTo(clientsWithoutSecrets(local));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmCarriesNoPasswordsNoPeopleAndNoClientSecrets(String overlay) {
        ObjectNode resource = realmImport(overlay);
        JsonNode realm = resource.at("/spec/realm");

        assertThat(realm.findValues("credentials")).isEmpty();
        assertThat(realm.path("users")).allSatisfy(u -> assertThat(u.hasNonNull("serviceAccountClientId"))
                .isTrue());
        assertThat(realm.path("sslRequired").asText()).isNotEqualTo("none");
        for (JsonNode client : realm.path("clients")) {
            if (client.hasNonNull("secret")) {
                String placeholder = client.get("secret").asText();
                assertThat(placeholder).matches("\\$\\{[A-Z_]+}");
                String name = placeholder.substring(2, placeholder.length() - 1);
                assertThat(resource.at("/spec/placeholders/" + name + "/secret/name")
                                .asText())
                        .as("placeholder %s comes from a Secret", name)
                        .isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmIsImportedIntoTheKeycloakTheServicesUse(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        String keycloak = realmImport(overlay).at("/spec/keycloakCRName").asText();

        assertThat(Manifests.find(objects, "Keycloak", keycloak)).isPresent();
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            assertThat(K8sNetworkPolicyTest.environment(objects, deployment).get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                    .isEqualTo("http://" + keycloak + "-service:8080/realms/"
                            + realmImport(overlay).at("/spec/realm/realm").asText());
        }
    }

    private static ObjectNode realmImport(String overlay) {
        List<ObjectNode> imports = Manifests.ofKind(Manifests.render(overlay), "KeycloakRealmImport");
        assertThat(imports).hasSize(1);
        return imports.getFirst();
    }

    private static JsonNode localRealm() throws IOException {
        return Manifests.YAML.readTree(Manifests.repoRoot()
                .resolve("deploy/local/keycloak/webcare-realm.json")
                .toFile());
    }

    private static Map<String, JsonNode> clientsWithoutSecrets(JsonNode realm) {
        Map<String, JsonNode> clients = new TreeMap<>();
        List<JsonNode> all = new ArrayList<>();
        realm.path("clients").forEach(all::add);
        for (JsonNode client : all) {
            ObjectNode copy = client.deepCopy();
            copy.remove("secret");
            clients.put(client.path("clientId").asText(), copy);
        }
        return clients;
    }
}
