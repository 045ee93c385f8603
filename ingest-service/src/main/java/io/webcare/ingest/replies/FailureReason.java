package io.webcare.ingest.replies;

/** The stable reason codes of {@code webcare.reply.failed.v1} that ingest reports. */
public final class FailureReason {
    /** The platform's free-form window has closed and no template was given: not sent. */
    public static final String REPLY_WINDOW_CLOSED = "reply-window-closed";
    /** The platform refused the reply (a 4xx other than 429), or the request lacked what the platform needs. */
    public static final String REJECTED = "rejected";
    /** Transient failures (5xx, 429, timeouts, connection errors) outlasted every retry. */
    public static final String UNREACHABLE = "unreachable";
    /** Phone and e-mail are answered by the contact centre, not through ingest. */
    public static final String UNSUPPORTED_CHANNEL = "unsupported-channel";
    /** This instance has no credentials for the platform. */
    public static final String NOT_CONFIGURED = "not-configured";
    /**
     * The process stopped after calling the platform and before recording its answer, or the platform accepted the
     * call without naming the post: the reply may or may not have been posted. It is reported instead of posted
     * again (an agent checks the thread).
     */
    public static final String OUTCOME_UNKNOWN = "outcome-unknown";

    private FailureReason() {}
}
