package io.webcare.ingest.messages;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.ids.TimeOrderedIds;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import io.webcare.contract.transactions.AfterCommit;
import io.webcare.ingest.metrics.ChannelMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private final ChannelMetrics metrics;
    private final AfterCommit afterCommit;
    private final Clock clock;

    public MessageIngestion(
            ReceivedMessageRepository received,
            Outbox outbox,
            ChannelMetrics metrics,
            AfterCommit afterCommit,
            Clock clock) {
        this.received = received;
        this.outbox = outbox;
        this.metrics = metrics;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /**
     * Accepts every message of one delivery (a webhook batch) in one transaction: either all new ones are stored and
     * published, or none is, so a failure makes the platform retry the whole delivery and nothing is half-published.
     * A message already received (in an earlier delivery or earlier in this one) is reported as a duplicate.
     *
     * <p>Three statements whatever the number of messages: claim the delivery keys (in key order, so two instances
     * handling overlapping batches wait for each other instead of deadlocking), look up the first deliveries of the
     * duplicates (only if there are any), and store the new messages' events in the order the platform gave them.
     */
    @Transactional
    public List<MessageAccepted> acceptAll(List<IncomingMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        List<ReceivedMessage> deliveries =
                messages.stream().map(m -> delivery(m, now)).toList();
        Set<UUID> claimed = received.claimAll(deliveries, now);
        List<ReceivedMessage> duplicates =
                deliveries.stream().filter(d -> !claimed.contains(d.messageId)).toList();
        Map<String, ReceivedMessage> firsts = duplicates.isEmpty() ? Map.of() : received.findDeliveries(duplicates);
        List<MessageAccepted> accepted = new ArrayList<>(messages.size());
        List<Outbox.Keyed> events = new ArrayList<>(messages.size() - duplicates.size());
        Map<Channel, int[]> counts = new EnumMap<>(Channel.class); // per channel: received, duplicates
        for (int i = 0; i < messages.size(); i++) {
            int[] count = counts.computeIfAbsent(messages.get(i).channel(), c -> new int[2]);
            count[0]++;
            ReceivedMessage delivery = deliveries.get(i);
            if (claimed.contains(delivery.messageId)) {
                events.add(new Outbox.Keyed(delivery.conversationKey, normalise(messages.get(i), delivery)));
                accepted.add(new MessageAccepted(delivery.messageId, delivery.conversationKey, false));
            } else {
                ReceivedMessage first = firsts.get(ReceivedMessageRepository.key(delivery));
                if (first == null) {
                    throw new IllegalStateException("delivery key claimed but not readable");
                }
                accepted.add(new MessageAccepted(first.messageId, first.conversationKey, true));
                count[1]++;
            }
        }
        outbox.publishAll(EventType.MESSAGE_RECEIVED, events);
        afterCommit.run(() -> counts.forEach((channel, count) -> {
            metrics.received(channel.wireName(), count[0]);
            metrics.duplicates(channel.wireName(), count[1]);
            metrics.published(channel.wireName(), count[0] - count[1]);
        }));
        return accepted;
    }

    /**
     * Throws the 400 problem that {@link #acceptAll} would throw for this message, without touching the database: lets
     * the bulk import refuse one line instead of rolling back its whole chunk.
     */
    public void check(IncomingMessage message) {
        check(message, conversationKey(message));
    }

    private static ReceivedMessage delivery(IncomingMessage message, Instant now) {
        String conversationKey = conversationKey(message);
        check(message, conversationKey);
        var delivery = new ReceivedMessage();
        delivery.messageId = TimeOrderedIds.next();
        delivery.channel = message.channel().wireName();
        delivery.accountId = message.accountId();
        delivery.externalId = message.externalId();
        delivery.conversationKey = conversationKey;
        delivery.receivedAt = now;
        return delivery;
    }

    /** What the event's schema and its storage need beyond the entry points' own checks; a 400 otherwise. */
    private static void check(IncomingMessage message, String conversationKey) {
        if (conversationKey.length() > MAX_KEY) {
            // The key is stored (outbox event_key) and is the Kafka key; ids this long are not the platform's.
            throw ProblemException.badRequest("The account, thread or message ids are too long ("
                    + conversationKey.length() + " characters as a conversation key, at most " + MAX_KEY + ").");
        }
        if (hasNul(message.accountId()) || hasNul(message.externalId()) || hasNul(conversationKey)) {
            throw ProblemException.badRequest("Ids must not contain NUL characters.");
        }
        if (message.accountId().isBlank()
                || message.externalId().isBlank()
                || message.author().handle() == null
                || message.author().handle().isBlank()) {
            throw ProblemException.badRequest("accountId, externalId and author.handle must not be blank.");
        }
        Instant sentAt = message.sentAt();
        if (sentAt != null && (sentAt.isBefore(EARLIEST) || !sentAt.isBefore(LATEST))) {
            throw ProblemException.badRequest("sentAt must lie between " + EARLIEST + " and " + LATEST + ".");
        }
        for (var media : message.media()) {
            if (!absoluteWebUrl(media.url())) {
                throw ProblemException.badRequest(
                        "media url must be an absolute http(s) URL: " + abbreviate(media.url()));
            }
        }
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private static boolean absoluteWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 80 ? value.substring(0, 80) + "..." : value;
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
