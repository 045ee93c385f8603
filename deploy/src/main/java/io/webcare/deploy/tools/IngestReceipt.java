package io.webcare.deploy.tools;

/** Ingest's answer to a posted message: 202 for a new one, 200 with {@code duplicate=true} for a redelivery. */
public record IngestReceipt(int status, String messageId, String conversationKey, boolean duplicate) {}
