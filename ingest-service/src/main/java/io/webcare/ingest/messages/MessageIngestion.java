package io.webcare.ingest.messages;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Accepts messages once: records each delivery key and publishes the new ones, in one transaction. Every entry point
 * (REST, webhooks, replays) hands its messages over as {@link IncomingMessage}s.
 */
@ApplicationScoped
public class MessageIngestion {
    /** Platforms that only accept free-form replies within 24 h of the customer's last private message. */
    private static final Set<Channel> REPLY_WINDOW_CHANNELS =
            Set.of(Channel.WHATSAPP, Channel.FACEBOOK, Channel.INSTAGRAM);

    private static final Duration REPLY_WINDOW = Duration.ofHours(24);

    /** The longest conversation key that can be stored as an event key (outbox_event.event_key). */
    private static final int MAX_KEY = 255;

    private final ReceivedMessageRepository received;
    private final Outbox outbox;
    private final Clock clock;

    public MessageIngestion(ReceivedMessageRepository received, Outbox outbox, Clock clock) {
        this.received = received;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public MessageAccepted accept(IncomingMessage message) {
        return acceptAll(List.of(message)).getFirst();
    }

    /**
     * Accepts every message of one delivery (a webhook batch) in one transaction: either all new ones are stored and
     * published, or none is, so a failure makes the platform retry the whole delivery and nothing is half-published.
     * A message already received (in an earlier delivery or earlier in this one) is reported as a duplicate.
     *
     * <p>Delivery keys are claimed in key order, so two instances handling overlapping batches wait for each other
     * instead of deadlocking; events are then published in the order the platform gave the messages.
     */
    @Transactional
    public List<MessageAccepted> acceptAll(List<IncomingMessage> messages) {
        Instant now = Instant.now(clock);
        List<ReceivedMessage> deliveries =
                messages.stream().map(m -> delivery(m, now)).toList();
        Set<ReceivedMessage> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        deliveries.stream()
                .sorted(Comparator.comparing((ReceivedMessage d) -> d.channel)
                        .thenComparing(d -> d.accountId)
                        .thenComparing(d -> d.externalId))
                .filter(received::claim)
                .forEach(claimed::add);
        List<MessageAccepted> accepted = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            ReceivedMessage delivery = deliveries.get(i);
            if (claimed.contains(delivery)) {
                outbox.publish(
                        EventType.MESSAGE_RECEIVED, delivery.conversationKey, normalise(messages.get(i), delivery));
                accepted.add(new MessageAccepted(delivery.messageId, delivery.conversationKey, false));
            } else {
                ReceivedMessage first = received.findDelivery(delivery.channel, delivery.accountId, delivery.externalId)
                        .orElseThrow(() -> new IllegalStateException("delivery key claimed but not readable"));
                accepted.add(new MessageAccepted(first.messageId, first.conversationKey, true));
            }
        }
        return accepted;
    }

    private static ReceivedMessage delivery(IncomingMessage message, Instant now) {
        String conversationKey = conversationKey(message);
        if (conversationKey.length() > MAX_KEY) {
            // The key is stored (outbox event_key) and is the Kafka key; ids this long are not the platform's.
            throw ProblemException.badRequest("The account, thread or message ids are too long ("
                    + conversationKey.length() + " characters as a conversation key, at most " + MAX_KEY + ").");
        }
        if (hasNul(message.accountId()) || hasNul(message.externalId()) || hasNul(conversationKey)) {
            throw ProblemException.badRequest("Ids must not contain NUL characters.");
        }
        var delivery = new ReceivedMessage();
        delivery.messageId = UUID.randomUUID();
        delivery.channel = message.channel().wireName();
        delivery.accountId = message.accountId();
        delivery.externalId = message.externalId();
        delivery.conversationKey = conversationKey;
        delivery.receivedAt = now;
        return delivery;
    }

    private static boolean hasNul(String value) {
        return value.indexOf('\u0000') >= 0;
    }

    private InboundMessage normalise(IncomingMessage message, ReceivedMessage delivery) {
        Instant sentAt = message.sentAt() == null ? delivery.receivedAt : message.sentAt();
        return new InboundMessage(
                delivery.messageId,
                delivery.conversationKey,
                message.channel(),
                message.accountId(),
                message.externalId(),
                message.threadRef(),
                message.visibility(),
                message.author(),
                message.text(),
                message.media(),
                sentAt,
                delivery.receivedAt,
                replyWindowClosesAt(message, sentAt));
    }

    private static Instant replyWindowClosesAt(IncomingMessage message, Instant sentAt) {
        boolean windowed =
                message.visibility() == Visibility.PRIVATE && REPLY_WINDOW_CHANNELS.contains(message.channel());
        return windowed ? sentAt.plus(REPLY_WINDOW) : null;
    }

    /**
     * The thread a message belongs to: the platform's thread if it names one; a private conversation is one thread
     * per customer; a public post without a thread starts its own.
     */
    static String conversationKey(IncomingMessage message) {
        String thread;
        if (message.threadRef() != null && !message.threadRef().isBlank()) {
            thread = "thread:" + message.threadRef();
        } else if (message.visibility() == Visibility.PRIVATE) {
            var author = message.author();
            thread = "author:" + (author.id() != null ? author.id() : author.handle());
        } else {
            thread = "post:" + message.externalId();
        }
        return message.channel().wireName() + ":" + message.accountId() + ":" + thread;
    }
}
