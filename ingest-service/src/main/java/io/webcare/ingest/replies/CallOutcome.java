package io.webcare.ingest.replies;

/** What delivering one reply came to: the platform's id of the posted reply, or a stable reason why not. */
public sealed interface CallOutcome {
    int attempts();

    record Delivered(String platformMessageId, int attempts) implements CallOutcome {}

    record Failed(String reason, String detail, int attempts) implements CallOutcome {
        public Failed {
            detail = detail == null ? "" : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        }
    }
}
