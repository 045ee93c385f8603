package io.webcare.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.webhooks.SignedWebhook;
import io.webcare.feedback.Complaints;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
@TestProfile(WebhookReceiver.class)
class WebhookNotificationTest {
    @ConfigProperty(name = "webcare.feedback.webhook.url")
    String hookUrl;

    private List<WebhookReceiver.Received> received() throws Exception {
        return WebhookReceiver.log(hookUrl.replace("/hook", "/log"));
    }

    @Test
    void aDetectedIssueReachesTheWebhookSignedAndIsRetriedAfterAFailure() throws Exception {
        String word = Complaints.uniqueWord();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            for (int i = 0; i < 5; i++) {
                Complaints.publish(Complaints.complaint(
                        word + " " + word + "ko " + word + "pa storing " + i, "nl", List.of("internet")));
            }
            IssueDetected issue = feedback.<IssueDetected>await(
                            EventType.FEEDBACK_ISSUE_DETECTED, d -> d.terms().contains(word))
                    .payload();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received().stream()
                    .anyMatch(r -> r.status() == 204
                            && r.body().contains(issue.issueId().toString())));
            List<WebhookReceiver.Received> attempts = received().stream()
                    .filter(r -> r.body().contains(issue.issueId().toString()))
                    .toList();
            assertThat(attempts).extracting(WebhookReceiver.Received::status).containsExactly(503, 204);
            assertThat(attempts)
                    .extracting(WebhookReceiver.Received::delivery)
                    .containsOnly(attempts.getFirst().delivery());
            for (WebhookReceiver.Received attempt : attempts) {
                assertThat(attempt.event()).isEqualTo(EventType.FEEDBACK_ISSUE_DETECTED.ceType());
                assertThat(attempt.signature())
                        .isEqualTo(SignedWebhook.sign(WebhookReceiver.SECRET, attempt.timestamp(), attempt.body()));
            }
        }
    }
}
