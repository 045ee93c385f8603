package io.webcare.cases.notifications;

import static io.webcare.cases.support.CaseFixtures.author;
import static io.webcare.cases.support.CaseFixtures.conversation;
import static io.webcare.cases.support.CaseFixtures.deliver;
import static io.webcare.cases.support.CaseFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.webcare.contract.EventType;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.webhooks.SignedWebhook;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
@TestProfile(ChatWebhook.class)
class TeamLeadWebhookTest {
    @ConfigProperty(name = "webcare.cases.notifications.webhook.url")
    String hookUrl;

    @Test
    void aBreachNotificationReachesTheWebhookSignedOnceItCommittedAndIsRetriedAfterARefusal() throws Exception {
        String team = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId =
                deliver(routed(conversation(), author("u-w1"), team, "Nog steeds geen antwoord", List.of()), team);
        Instant now = Instant.now();
        TestEvents.publish(
                EventType.SLA_BREACHED,
                caseId.toString(),
                new SlaBreached(caseId, SlaClock.FIRST_RESPONSE, team, 3, 1, 1, now, now, now));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ofCase(caseId).stream().anyMatch(a -> a.status() == 204));
        List<ChatWebhook.Arrival> attempts = ofCase(caseId);
        assertThat(attempts).extracting(ChatWebhook.Arrival::status).containsExactly(503, 204);
        assertThat(attempts)
                .extracting(ChatWebhook.Arrival::delivery)
                .containsOnly(attempts.getFirst().delivery());
        for (ChatWebhook.Arrival attempt : attempts) {
            assertThat(attempt.event()).isEqualTo("team-lead-notification");
            assertThat(attempt.signature())
                    .isEqualTo(SignedWebhook.sign(ChatWebhook.SECRET, attempt.timestamp(), attempt.body()));
            assertThat(attempt.body()).contains("\"team\":\"" + team + "\"").contains("\"kind\":\"sla-breach\"");
        }
    }

    private List<ChatWebhook.Arrival> ofCase(UUID caseId) throws Exception {
        return ChatWebhook.arrivals(hookUrl).stream()
                .filter(a -> a.body().contains(caseId.toString()))
                .toList();
    }
}
