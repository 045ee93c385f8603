package io.webcare.cases.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ApiDocumentTest {

    @Test
    void everyOperationOfTheApiIsDocumentedAndRequiresAToken() throws Exception {
        String body = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths = new ObjectMapper().readTree(body).path("paths");
        List<String> operations = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            if (operation.getValue().path("security").isEmpty()
                    || operation.getValue().path("summary").asText().isBlank()) {
                unsecured.add(name);
            }
        }));
        assertThat(operations)
                .contains(
                        "POST /api/v1/cases/{caseId}/claim",
                        "POST /api/v1/cases/{caseId}/replies",
                        "POST /api/v1/replies/lint",
                        "POST /api/v1/customers/{customerId}/identities",
                        "GET /api/v1/notifications",
                        "POST /api/v1/notifications/{notificationId}/read");
        assertThat(unsecured)
                .as("operations without security requirement or summary")
                .isEmpty();
    }
}
