package io.webcare.ingest.replies;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.webcare.contract.EventType;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.transactions.AfterCommit;
import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers each reply at most once, and reports what came of it on {@code webcare.replies.delivery}.
 *
 * <ol>
 *   <li>Claim (one transaction): the reply id is inserted as "sending". A reply id seen before stops here: nothing is
 *       posted again. A reply that cannot be sent (phone or e-mail, window closed without template, no credentials)
 *       is recorded as failed with its {@code webcare.reply.failed.v1} in this same transaction.
 *   <li>Call the platform, outside any transaction, with retries for transient failures.
 *   <li>Finish (one transaction): the outcome is recorded and its event written to the outbox.
 * </ol>
 *
 * A crash between 2 and 3 leaves the reply "sending": it is never called again (the platforms have no idempotency
 * key for posts, so a second call could post twice); {@link StaleReplySweeper} reports it as failed (outcome unknown) once its lease has passed, for an agent to check the thread.
 */
@ApplicationScoped
public class ReplyDeliveryService {
    private static final Logger LOG = Logger.getLogger(ReplyDeliveryService.class);
    private static final int DATABASE_ATTEMPTS = 6;

    private final ReplyDeliveryRepository deliveries;
    private final Instance<ChannelAdapter> adapters;
    private final Outbox outbox;
    private final ChannelMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public ReplyDeliveryService(
            ReplyDeliveryRepository deliveries,
            Instance<ChannelAdapter> adapters,
            Outbox outbox,
            ChannelMetrics metrics,
            AfterCommit afterCommit,
            Clock clock) {
        this.deliveries = deliveries;
        this.adapters = adapters;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    public void deliver(ReplyRequested reply) {
        Optional<ChannelAdapter> adapter =
                adapters.stream().filter(a -> a.handles(reply.channel())).findFirst();
        boolean windowClosed = windowClosed(reply);
        Optional<CallOutcome.Failed> refusal = refusal(reply, adapter, windowClosed);
        boolean proceed = retrying("claiming reply " + reply.replyId(), () -> QuarkusTransaction.requiringNew()
                .call(() -> claim(reply, refusal)));
        if (!proceed) {
            return;
        }
        CallOutcome outcome;
        try {
            outcome = adapter.orElseThrow().send(reply, windowClosed && reply.template() != null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Adapter for %s failed on reply %s", reply.channel().wireName(), reply.replyId());
            outcome = new CallOutcome.Failed(FailureReason.UNREACHABLE, "the adapter failed: " + e, 1);
        }
        CallOutcome result = outcome;
        retrying("recording the outcome of reply " + reply.replyId(), () -> {
            QuarkusTransaction.requiringNew().run(() -> finish(reply.replyId(), result));
            return null;
        });
    }

    /**
     * Runs a database step again after a failure that may pass (the database restarting, a lock timeout): giving up
     * on the claim would dead-letter the request, giving up on the outcome would leave it to the sweeper as unknown.
     */
    private static <T> T retrying(String what, java.util.function.Supplier<T> step) {
        long backoffMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (attempt >= DATABASE_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    private boolean windowClosed(ReplyRequested reply) {
        Instant closes = reply.replyWindowClosesAt();
        return closes != null && !Instant.now(clock).isBefore(closes);
    }

    /** Why the reply is not to be sent at all, if it is not. */
    private static Optional<CallOutcome.Failed> refusal(
            ReplyRequested reply, Optional<ChannelAdapter> adapter, boolean windowClosed) {
        if (reply.channel() == Channel.PHONE || reply.channel() == Channel.EMAIL || adapter.isEmpty()) {
            return Optional.of(new CallOutcome.Failed(
                    FailureReason.UNSUPPORTED_CHANNEL,
                    "Replies on " + reply.channel().wireName() + " are not sent through ingest.",
                    0));
        }
        if (windowClosed && (reply.template() == null || reply.template().isBlank())) {
            return Optional.of(new CallOutcome.Failed(
                    FailureReason.REPLY_WINDOW_CLOSED,
                    "The platform's reply window closed at " + reply.replyWindowClosesAt()
                            + " and no approved template was given; nothing was sent.",
                    0));
        }
        if (!adapter.get().configured()) {
            return Optional.of(new CallOutcome.Failed(
                    FailureReason.NOT_CONFIGURED,
                    "This instance has no credentials for " + reply.channel().wireName() + ".",
                    0));
        }
        if (reply.text() == null || reply.text().isBlank()) {
            return Optional.of(new CallOutcome.Failed(FailureReason.REJECTED, "The reply has no text.", 0));
        }
        return Optional.empty();
    }

    private boolean claim(ReplyRequested reply, Optional<CallOutcome.Failed> refusal) {
        var delivery = new ReplyDelivery();
        delivery.replyId = reply.replyId();
        delivery.caseId = reply.caseId();
        delivery.conversationKey = reply.conversationKey();
        delivery.channel = reply.channel().wireName();
        delivery.state = ReplyDelivery.SENDING;
        delivery.startedAt = Instant.now(clock);
        if (!deliveries.claim(delivery)) {
            LOG.infof("Reply %s was handled before; not sent again", reply.replyId());
            return false;
        }
        if (refusal.isPresent()) {
            record(deliveries.findById(reply.replyId()), refusal.get());
            return false;
        }
        return true;
    }

    private void finish(UUID replyId, CallOutcome outcome) {
        ReplyDelivery delivery = deliveries.findById(replyId);
        if (!ReplyDelivery.SENDING.equals(delivery.state)) {
            // The lease ran out mid-call and the sweeper reported its outcome unknown; the real outcome corrects it.
            LOG.warnf(
                    "Reply %s finished after it was reported %s; reporting its real outcome", replyId, delivery.reason);
        }
        record(delivery, outcome);
    }

    /** Records the outcome on the delivery and writes its event, in the caller's transaction. */
    void record(ReplyDelivery delivery, CallOutcome outcome) {
        Instant now = Instant.now(clock);
        Channel channel = Channel.fromWireName(delivery.channel);
        delivery.attempts = outcome.attempts();
        delivery.finishedAt = now;
        switch (outcome) {
            case CallOutcome.Delivered d -> {
                delivery.state = ReplyDelivery.DELIVERED;
                delivery.platformMessageId = d.platformMessageId();
                delivery.reason = null;
                delivery.detail = null;
                outbox.publish(
                        EventType.REPLY_DELIVERED,
                        delivery.conversationKey,
                        new ReplyDelivered(
                                delivery.replyId,
                                delivery.caseId,
                                delivery.conversationKey,
                                channel,
                                d.platformMessageId(),
                                d.attempts(),
                                now));
                afterCommit.run(() -> metrics.delivered(delivery.channel));
            }
            case CallOutcome.Failed f -> {
                delivery.state = ReplyDelivery.FAILED;
                delivery.reason = f.reason();
                delivery.detail = f.detail();
                outbox.publish(
                        EventType.REPLY_FAILED,
                        delivery.conversationKey,
                        new ReplyFailed(
                                delivery.replyId,
                                delivery.caseId,
                                delivery.conversationKey,
                                channel,
                                f.reason(),
                                f.detail(),
                                f.attempts(),
                                now));
                afterCommit.run(() -> metrics.deliveryFailed(delivery.channel, f.reason()));
            }
        }
    }

    /** Reports replies left "sending" past their lease as failed, outcome unknown. */
    int reportStale(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReplyDelivery> stale = deliveries.staleSending(cutoff, 100);
            for (ReplyDelivery delivery : stale) {
                LOG.warnf(
                        "Reply %s has been sending since %s: reporting its outcome as unknown",
                        delivery.replyId, delivery.startedAt);
                record(
                        delivery,
                        new CallOutcome.Failed(
                                FailureReason.OUTCOME_UNKNOWN,
                                "Outcome unknown: delivery was interrupted after the platform was called; the reply may"
                                        + " or may not have been posted. It is not sent again: check the thread.",
                                Math.max(1, delivery.attempts)));
            }
            return stale.size();
        });
    }
}
