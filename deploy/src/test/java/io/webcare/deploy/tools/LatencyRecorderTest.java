package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesOfOneToOneThousandMillisecondsAreWithinAThousandth() {
        List<Integer> values = new ArrayList<>();
        for (int ms = 1; ms <= 1000; ms++) {
            values.add(ms);
        }
        Collections.shuffle(values, new Random(42)); // order of arrival must not matter
        LatencyRecorder recorder = new LatencyRecorder();
        values.forEach(ms -> recorder.record(Duration.ofMillis(ms)));

        assertThat(recorder.count()).isEqualTo(1000);
        assertThat(recorder.percentile(50).toNanos() / 1e6).isCloseTo(500, within(0.5));
        assertThat(recorder.percentile(99).toNanos() / 1e6).isCloseTo(990, within(1.0));
        assertThat(recorder.max().toNanos() / 1e6).isCloseTo(1000, within(1.0));
    }

    @Test
    void aSingleOutlierShowsInMaxButNotInTheMedian() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 99; i++) {
            recorder.record(Duration.ofMillis(20));
        }
        recorder.record(Duration.ofSeconds(5));

        assertThat(recorder.percentile(50).toMillis()).isEqualTo(20);
        assertThat(recorder.max().toMillis()).isBetween(4995L, 5005L);
    }

    @Test
    void emptyRecorderReportsZeroInsteadOfFailing() {
        LatencyRecorder recorder = new LatencyRecorder();

        assertThat(recorder.percentile(99)).isEqualTo(Duration.ZERO);
        assertThat(recorder.summary()).isEqualTo("p50 0.0 ms, p99 0.0 ms, max 0.0 ms");
    }

    @Test
    void latenciesBeyondAnHourAreCappedNotRejected() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(Duration.ofHours(3));

        assertThat(recorder.max()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    }
}
