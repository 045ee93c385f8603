package io.webcare.deploy.tools;

import java.time.Instant;
import java.util.List;

/**
 * One scripted social message of the demo feed (see {@code demo-messages.json}): what a customer wrote, where, and
 * what a person would call it ({@code intent}: complaint, question, compliment, rant, spam). The intent and tags are
 * the author's expectation, for reading the demo output; routing decides for itself.
 */
public record DemoMessage(
        String id,
        String intent,
        String language,
        List<String> tags,
        String channel,
        String visibility,
        String threadRef,
        IngestMessage.Author author,
        String text,
        Boolean expectCase) {

    public static final String ACCOUNT_ID = "acme";

    public DemoMessage {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether Webcare should open a case for it (everything but spam). */
    public boolean expectsCase() {
        return expectCase == null || expectCase;
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /**
     * The message as the contact centre would post it; {@code externalId} makes it a new delivery (a run id keeps a
     * second demo run from being taken for duplicates of the first).
     */
    public IngestMessage toIngest(String externalId, Instant sentAt) {
        return new IngestMessage(channel, ACCOUNT_ID, externalId, threadRef, visibility, author, text, sentAt);
    }
}
