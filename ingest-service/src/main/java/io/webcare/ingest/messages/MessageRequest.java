package io.webcare.ingest.messages;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

    public record MediaRequest(@NotBlank String type, @NotBlank @Size(max = 2048) String url) {}
}
