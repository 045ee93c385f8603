package io.webcare.deploy.tools;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles for the load test. HdrHistogram (managed by the Quarkus BOM) rather than a sorted array:
 * constant memory whatever the count, no coordinated sort at the end, and percentiles exact to 3 significant digits.
 * Values are recorded in microseconds, from 1 µs up to one hour.
 */
public final class LatencyRecorder {

    private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1_000;

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    public synchronized void record(Duration latency) {
        long micros = Math.max(1, latency.toNanos() / 1_000);
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The latency at the given percentile (0-100]; zero when nothing was recorded. */
    public synchronized Duration percentile(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(histogram.getValueAtPercentile(percentile) * 1_000);
    }

    public synchronized Duration max() {
        if (histogram.getTotalCount() == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(histogram.getMaxValue() * 1_000);
    }

    /** {@code p50 12 ms, p99 40 ms, max 41 ms}. */
    public String summary() {
        return "p50 " + millis(percentile(50)) + ", p99 " + millis(percentile(99)) + ", max " + millis(max());
    }

    static String millis(Duration d) {
        double ms = d.toNanos() / 1_000_000.0;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
