package io.webcare.ingest.messages;

import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** One message pushed by the contact centre or a replay, in the generic shape. */
public record MessageRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 255) String accountId,
        @NotBlank @Size(max = 255) String externalId,
        @Size(max = 255) String threadRef,
        @NotNull Visibility visibility,
        @NotNull @Valid AuthorRequest author,
        @NotBlank @Size(max = 10_000) String text,
        List<@Valid MediaRequest> media,
        Instant sentAt) {

    public record AuthorRequest(
            @Size(max = 255) String id,
            @NotBlank @Size(max = 255) String handle,
            @Size(max = 255) String name,
            @PositiveOrZero long followers,
            boolean verified) {}

    /** The media kinds of the event contract; anything else would publish an event that breaks its schema. */
    public record MediaRequest(
            @NotNull @Pattern(regexp = "image|video|audio|file", message = "must be image, video, audio or file")
                    String type,
            @NotBlank @Size(max = 2048) String url) {}

    /** The validated request in the shape every entry point hands to ingestion. */
    public IncomingMessage toIncoming() {
        List<Media> attachments = media == null
                ? List.of()
                : media.stream().map(m -> new Media(m.type(), m.url())).toList();
        return new IncomingMessage(
                channel,
                accountId,
                externalId,
                threadRef,
                visibility,
                new Author(
                        author.id() == null || author.id().isBlank() ? null : author.id(),
                        author.handle(),
                        author.name(),
                        author.followers(),
                        author.verified()),
                text,
                attachments,
                sentAt);
    }
}
