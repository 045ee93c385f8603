package io.webcare.ingest.messages;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Accepts a message once: records its delivery key and publishes it, in one transaction. */
@ApplicationScoped
public class MessageIngestion {
    /** Platforms that only accept free-form replies within 24 h of the customer's last private message. */
    private static final Set<Channel> REPLY_WINDOW_CHANNELS =
            Set.of(Channel.WHATSAPP, Channel.FACEBOOK, Channel.INSTAGRAM);

    private static final Duration REPLY_WINDOW = Duration.ofHours(24);

    private final ReceivedMessageRepository received;
    private final Outbox outbox;
    private final Clock clock;

    public MessageIngestion(ReceivedMessageRepository received, Outbox outbox, Clock clock) {
        this.received = received;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public MessageAccepted accept(MessageRequest request) {
        Instant now = Instant.now(clock);
        var delivery = new ReceivedMessage();
        delivery.messageId = UUID.randomUUID();
        delivery.channel = request.channel().wireName();
        delivery.accountId = request.accountId();
        delivery.externalId = request.externalId();
        delivery.conversationKey = conversationKey(request);
        delivery.receivedAt = now;
        if (!received.claim(delivery)) {
            ReceivedMessage first = received.findDelivery(delivery.channel, delivery.accountId, delivery.externalId)
                    .orElseThrow(() -> new IllegalStateException("delivery key claimed but not readable"));
            return new MessageAccepted(first.messageId, first.conversationKey, true);
        }
        outbox.publish(EventType.MESSAGE_RECEIVED, delivery.conversationKey, normalise(request, delivery));
        return new MessageAccepted(delivery.messageId, delivery.conversationKey, false);
    }

    private InboundMessage normalise(MessageRequest request, ReceivedMessage delivery) {
        var author = request.author();
        Instant sentAt = request.sentAt() == null ? delivery.receivedAt : request.sentAt();
        List<Media> media = request.media() == null
                ? List.of()
                : request.media().stream()
                        .map(m -> new Media(m.type(), m.url()))
                        .toList();
        return new InboundMessage(
                delivery.messageId,
                delivery.conversationKey,
                request.channel(),
                request.accountId(),
                request.externalId(),
                request.threadRef(),
                request.visibility(),
                new Author(author.id(), author.handle(), author.name(), author.followers(), author.verified()),
                request.text(),
                media,
                sentAt,
                delivery.receivedAt,
                replyWindowClosesAt(request, sentAt));
    }

    private static Instant replyWindowClosesAt(MessageRequest request, Instant sentAt) {
        boolean windowed =
                request.visibility() == Visibility.PRIVATE && REPLY_WINDOW_CHANNELS.contains(request.channel());
        return windowed ? sentAt.plus(REPLY_WINDOW) : null;
    }

    /**
     * The thread a message belongs to: the platform's thread if it names one; a private conversation is one thread
     * per customer; a public post without a thread starts its own.
     */
    static String conversationKey(MessageRequest request) {
        String thread;
        if (request.threadRef() != null && !request.threadRef().isBlank()) {
            thread = "thread:" + request.threadRef();
        } else if (request.visibility() == Visibility.PRIVATE) {
            var author = request.author();
            thread = "author:" + (author.id() != null ? author.id() : author.handle());
        } else {
            thread = "post:" + request.externalId();
        }
        return request.channel().wireName() + ":" + request.accountId() + ":" + thread;
    }
}
