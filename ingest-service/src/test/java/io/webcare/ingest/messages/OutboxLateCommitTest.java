package io.webcare.ingest.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.outbox.Outbox;
import io.webcare.testsupport.CapturedEvent;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay reads on from a low-water mark, not from the start. An event whose transaction took its position
 * first but committed last must still leave, and before the next event of its key, however busy the relay is with
 * the events after it.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class OutboxLateCommitTest {
    @Inject
    Outbox outbox;

    /** Threads of the test's own: the common pool has one thread on two cores, and a held transaction blocks it. */
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private ReplyDelivered delivered(String conversation) {
        return delivered(conversation, "wamid.x");
    }

    private ReplyDelivered delivered(String conversation, String platformMessageId) {
        return new ReplyDelivered(
                UUID.randomUUID(),
                UUID.randomUUID(),
                conversation,
                Channel.WHATSAPP,
                platformMessageId,
                1,
                Instant.now());
    }

    @Test
    void aLateEventLeavesBeforeTheNextEventOfItsKeyWhileTheRelayStaysBusy() throws Exception {
        String conversation = "whatsapp:acme:ordered-" + UUID.randomUUID();
        String noise = "whatsapp:acme:noise-" + UUID.randomUUID();
        var stopNoise = new java.util.concurrent.atomic.AtomicBoolean();
        try (var deliveries = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            var first = hold(
                    () -> outbox.publish(EventType.REPLY_DELIVERED, conversation, delivered(conversation, "first")));
            // A steady stream of other events keeps the relay busy (and its lock held) past the first's position.
            CompletableFuture<Void> stream = CompletableFuture.runAsync(
                    () -> {
                        while (!stopNoise.get()) {
                            QuarkusTransaction.requiringNew()
                                    .run(() -> outbox.publish(EventType.REPLY_DELIVERED, noise, delivered(noise)));
                        }
                    },
                    threads);
            deliveries.awaitCount(
                    EventType.REPLY_DELIVERED,
                    (ReplyDelivered d) -> d.conversationKey().equals(noise),
                    50,
                    Duration.ofSeconds(30));

            first.commit();
            // The next event of the same conversation, written once the first has committed.
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            outbox.publish(EventType.REPLY_DELIVERED, conversation, delivered(conversation, "second")));
            deliveries.awaitCount(
                    EventType.REPLY_DELIVERED,
                    (ReplyDelivered d) -> d.conversationKey().equals(noise),
                    200,
                    Duration.ofSeconds(30));
            stopNoise.set(true);
            stream.get(30, TimeUnit.SECONDS);

            List<CapturedEvent<ReplyDelivered>> ordered = deliveries.awaitCount(
                    EventType.REPLY_DELIVERED,
                    (ReplyDelivered d) -> d.conversationKey().equals(conversation),
                    2,
                    Duration.ofSeconds(30));
            assertThat(ordered).extracting(e -> e.payload().platformMessageId()).containsExactly("first", "second");
        }
    }

    @Test
    void anEventCommittedAfterLaterOnesStillReachesTheTopicOnce() throws Exception {
        String slow = "whatsapp:acme:slow-" + UUID.randomUUID();
        String fast = "whatsapp:acme:fast-" + UUID.randomUUID();
        try (var deliveries = EventCapture.of(Topics.REPLIES_DELIVERY)) {
            // The slow transaction stores its event (taking the lower position) and holds its commit back.
            var slowTransaction = hold(() -> outbox.publish(EventType.REPLY_DELIVERED, slow, delivered(slow)));
            // Meanwhile others commit theirs, and the relay sends them: it has read past the slow one's position.
            for (int i = 0; i < 3; i++) {
                QuarkusTransaction.requiringNew()
                        .run(() -> outbox.publish(EventType.REPLY_DELIVERED, fast, delivered(fast)));
            }
            deliveries.awaitCount(
                    EventType.REPLY_DELIVERED,
                    (ReplyDelivered d) -> d.conversationKey().equals(fast),
                    3,
                    Duration.ofSeconds(30));

            slowTransaction.commit();

            deliveries.await(EventType.REPLY_DELIVERED, (ReplyDelivered d) -> d.conversationKey()
                    .equals(slow));
            List<CapturedEvent<ReplyDelivered>> slowOnes = deliveries.allAfter(
                    Duration.ofSeconds(2), EventType.REPLY_DELIVERED, (ReplyDelivered d) -> d.conversationKey()
                            .equals(slow));
            assertThat(slowOnes).hasSize(1);
        }
    }

    /** A transaction that stores its event at once, then holds its commit back until told. */
    private final class HeldTransaction {
        private final CountDownLatch stored = new CountDownLatch(1);
        private final CountDownLatch mayCommit = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        private HeldTransaction(Runnable store) {
            done = CompletableFuture.runAsync(
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        store.run();
                        stored.countDown();
                        await(mayCommit);
                    }),
                    threads);
        }

        void commit() throws Exception {
            mayCommit.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    private HeldTransaction hold(Runnable store) throws InterruptedException {
        var held = new HeldTransaction(store);
        assertThat(held.stored.await(30, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the held transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
