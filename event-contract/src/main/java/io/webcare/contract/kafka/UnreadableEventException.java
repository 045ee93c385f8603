package io.webcare.contract.kafka;

/** A record that can never be processed (poison): it goes to the dead-letter topic with this message as reason. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
