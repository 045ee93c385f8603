package io.webcare.cases.replycheck;

/**
 * One thing the reply check found in a draft.
 *
 * @param rule the rule's name, e.g. {@code other-channel}
 * @param words the words of the draft that triggered it (or, for the length limit, the count)
 * @param message what is wrong and what to do instead, for the agent
 */
public record Finding(String rule, Severity severity, String words, String message) {
    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }
}
