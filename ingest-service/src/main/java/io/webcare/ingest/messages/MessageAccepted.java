package io.webcare.ingest.messages;

import java.util.UUID;

/** The answer to a pushed message: its Webcare id, and whether it had been received before. */
public record MessageAccepted(UUID messageId, String conversationKey, boolean duplicate) {}
