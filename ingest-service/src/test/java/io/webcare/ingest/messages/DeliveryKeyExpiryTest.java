package io.webcare.ingest.messages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.webcare.ingest.support.TestClock;
import io.webcare.testsupport.TestTokens;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class DeliveryKeyExpiryTest {
    @Inject
    TestClock clock;

    @Inject
    DeliveryKeyExpiry expiry;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    /** Pushes the message; true when ingest answered that it had it already (200), false when taken in (202). */
    private static boolean push(String externalId) {
        var response = given().auth()
                .oauth2(TestTokens.integration())
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"channel":"whatsapp","accountId":"acme-nl","externalId":"%s","visibility":"private",
                         "author":{"id":"31612345678","handle":"+31612345678","name":"Jan","followers":0,
                         "verified":false},"text":"Mijn bestelling is nog steeds niet geleverd"}"""
                                .formatted(externalId))
                .post("/api/v1/messages")
                .then()
                .extract();
        boolean duplicate = response.path("duplicate");
        assertThat(response.statusCode()).isEqualTo(duplicate ? 200 : 202);
        return duplicate;
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenWhileAYoungerOneStillCatchesItsDuplicate() {
        String monthOld = "wamid." + UUID.randomUUID();
        String dayOld = "wamid." + UUID.randomUUID();
        assertThat(push(monthOld)).isFalse();
        clock.advance(Duration.ofDays(30));
        assertThat(push(dayOld)).isFalse();
        clock.advance(Duration.ofDays(1)); // the first is now 31 days old, the second one day

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);

        assertThat(push(dayOld)).as("received a day ago: still a duplicate").isTrue();
        assertThat(push(monthOld))
                .as("received 31 days ago: forgotten, so taken in again")
                .isFalse();
    }

    @Test
    void expiringWithNothingOldEnoughForgetsNothing() {
        String fresh = "wamid." + UUID.randomUUID();
        assertThat(push(fresh)).isFalse();

        expiry.expire();

        assertThat(push(fresh)).isTrue();
    }
}
