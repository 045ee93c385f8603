package io.webcare.contract.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webcare.contract.kafka.UnreadableEventException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {
    private final TransientRetry retry = new TransientRetry(4, Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void anEffectThatFailsTwiceThenSucceedsIsAppliedWithoutReachingTheDeadLetterTopic() {
        var attempts = new AtomicInteger();
        retry.run("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database restarting");
            }
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anEffectThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("test", () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("still down");
                }))
                .hasMessage("still down");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aRecordThatCanNeverBeReadIsNotRetried() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("test", () -> {
                    attempts.incrementAndGet();
                    throw new UnreadableEventException("not json");
                }))
                .isInstanceOf(UnreadableEventException.class);
        assertThat(attempts).hasValue(1);
    }
}
