package io.webcare.ingest.messages;

import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One customer message as every entry point hands it to {@link MessageIngestion}: the generic REST endpoint, the
 * platform webhooks and replays. Already checked by its entry point; ingestion only assigns ids and times.
 *
 * @param threadRef the platform's id of what this message replies to or belongs under; null when it starts one
 * @param sentAt when the platform says the customer sent it; null when it does not say (received time is used)
 */
public record IncomingMessage(
        Channel channel,
        String accountId,
        String externalId,
        String threadRef,
        Visibility visibility,
        Author author,
        String text,
        List<Media> media,
        Instant sentAt) {

    public IncomingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(author, "author");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }
}
