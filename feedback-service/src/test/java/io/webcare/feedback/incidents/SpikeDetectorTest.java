package io.webcare.feedback.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final SpikeDetector detector =
            new SpikeDetector(Duration.ofMinutes(1), Duration.ofMinutes(10), 10, 3.0, 0.05);

    /** A steady two complaints a minute for two hours: the baseline of a ten-minute window is about twenty. */
    private void steadyTraffic(String topic) {
        for (int minute = 0; minute < 120; minute++) {
            detector.add(topic, T0.plusSeconds(minute * 60L));
            detector.add(topic, T0.plusSeconds(minute * 60L + 30));
        }
    }

    @Test
    void steadyComplaintsAreNoSpikeHoweverMany() {
        steadyTraffic("internet");

        var observation = detector.add("internet", T0.plusSeconds(120 * 60L));

        assertThat(observation.baseline()).isBetween(15.0, 21.0);
        assertThat(observation.spike()).isFalse();
    }

    @Test
    void aSuddenRiseAboveThreeTimesTheBaselineIsASpike() {
        steadyTraffic("internet");
        SpikeDetector.Observation last = null;
        for (int i = 0; i < 60; i++) {
            last = detector.add("internet", T0.plusSeconds(120 * 60L + i * 5L));
        }

        assertThat(last.spike()).isTrue();
        assertThat(last.count()).isGreaterThanOrEqualTo(60);
        assertThat(last.rise()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void aFewComplaintsOnAQuietTopicAreNoSpikeButTenAre() {
        for (int i = 0; i < 9; i++) {
            assertThat(detector.add("billing", T0.plusSeconds(i * 10L)).spike()).isFalse();
        }
        assertThat(detector.peek("billing", T0.plusSeconds(95)).spike()).isTrue();
    }

    @Test
    void peekingChangesNothing() {
        for (int i = 0; i < 20; i++) {
            detector.peek("mobile", T0.plusSeconds(i));
        }
        assertThat(detector.add("mobile", T0.plusSeconds(30)).count()).isEqualTo(1);
    }

    @Test
    void topicsAreCountedApart() {
        for (int i = 0; i < 12; i++) {
            detector.add("delivery", T0.plusSeconds(i));
        }
        assertThat(detector.add("billing", T0.plusSeconds(20)).count()).isEqualTo(1);
    }
}
