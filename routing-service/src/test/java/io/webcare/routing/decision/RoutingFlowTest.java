package io.webcare.routing.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Visibility;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.TestEvents;
import io.webcare.testsupport.WebcareTestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class RoutingFlowTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static InboundMessage tweet(String text, long followers) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        return new InboundMessage(
                id,
                "x:acme:post:" + id,
                Channel.X,
                "acme",
                "tweet-" + id,
                null,
                Visibility.PUBLIC,
                new Author("u-" + id, "@klant", "Klant", followers, false),
                text,
                List.of(),
                now,
                now,
                null);
    }

    @Test
    void complaintTweetFromFortyThousandFollowerAccountGoesToComplaintTeamAtPriorityOne() {
        InboundMessage message = tweet("Al drie dagen geen internet in Utrecht, storing en niemand helpt", 40_000);
        TestEvents.publish(EventType.MESSAGE_RECEIVED, message.conversationKey(), message);

        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            var event = routed.<MessageRouted>await(
                    EventType.MESSAGE_ROUTED, r -> r.message().messageId().equals(message.messageId()));
            MessageRouted result = event.payload();
            assertThat(result.analysis().intent()).isEqualTo(Intent.COMPLAINT);
            assertThat(result.decision().team()).isEqualTo("complaints");
            assertThat(result.decision().priority()).isEqualTo(1);
            assertThat(result.decision().flags()).contains("communications");
            assertThat(result.decision().reasons()).anyMatch(r -> r.contains("40000 followers"));
            assertThat(result.analysis().signals()).contains("outage");
            assertThat(event.key()).isEqualTo(message.conversationKey());
        }
    }

    @Test
    void questionGoesToWebcareTeamWithAnSla() {
        InboundMessage message = tweet("Hoe kan ik mijn abonnement omzetten naar 5G?", 120);
        TestEvents.publish(EventType.MESSAGE_RECEIVED, message.conversationKey(), message);

        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            MessageRouted result = routed.<MessageRouted>await(
                            EventType.MESSAGE_ROUTED,
                            r -> r.message().messageId().equals(message.messageId()))
                    .payload();
            assertThat(result.analysis().intent()).isEqualTo(Intent.QUESTION);
            assertThat(result.decision().team()).isEqualTo("webcare");
            assertThat(result.decision().slaApplies()).isTrue();
        }
    }

    @Test
    void theSameInboundEventDeliveredTwiceIsRoutedOnce() {
        InboundMessage message = tweet("My invoice is wrong again, please fix it", 10);
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(EventType.MESSAGE_RECEIVED, message.conversationKey(), message, eventId);
        TestEvents.publish(EventType.MESSAGE_RECEIVED, message.conversationKey(), message, eventId);

        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            routed.await(
                    EventType.MESSAGE_ROUTED,
                    (MessageRouted r) -> r.message().messageId().equals(message.messageId()));
            assertThat(routed.allAfter(Duration.ofSeconds(2), EventType.MESSAGE_ROUTED, (MessageRouted r) -> r.message()
                            .messageId()
                            .equals(message.messageId())))
                    .hasSize(1);
        }
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndRoutingGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        TestEvents.send(Topics.MESSAGES_INBOUND, key, "{not json", TestEvents.noHeaders());
        InboundMessage after = tweet("Where is my parcel? Ordered a week ago", 5);
        TestEvents.publish(EventType.MESSAGE_RECEIVED, after.conversationKey(), after);

        try (var dlq = new KafkaConsumer<>(
                java.util.Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + key),
                new StringDeserializer(),
                new StringDeserializer())) {
            var partition = new TopicPartition(Topics.deadLetter(Topics.MESSAGES_INBOUND), 0);
            dlq.assign(List.of(partition));
            dlq.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> parked = new java.util.ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> key.equals(r.key()));
            });
            ConsumerRecord<String, String> poison =
                    parked.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            String reason =
                    new String(poison.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("ce_specversion");
            assertThat(poison.value()).isEqualTo("{not json");
        }
        try (var routed = EventCapture.of(Topics.MESSAGES_ROUTED)) {
            routed.await(
                    EventType.MESSAGE_ROUTED,
                    (MessageRouted r) -> r.message().messageId().equals(after.messageId()));
        }
    }
}
