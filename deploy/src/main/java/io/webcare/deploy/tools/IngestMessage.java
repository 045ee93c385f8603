package io.webcare.deploy.tools;

import java.time.Instant;

/** The body of ingest's {@code POST /api/v1/messages} (the contact-centre / replay shape). */
public record IngestMessage(
        String channel,
        String accountId,
        String externalId,
        String threadRef,
        String visibility,
        Author author,
        String text,
        Instant sentAt) {

    /** The person (or organisation) who wrote the message, as the channel shows them. */
    public record Author(String id, String handle, String name, Integer followers, Boolean verified) {}

    /** The same message under another external id (a new delivery, so a new message for ingest). */
    public IngestMessage withExternalId(String newExternalId) {
        return new IngestMessage(channel, accountId, newExternalId, threadRef, visibility, author, text, sentAt);
    }
}
