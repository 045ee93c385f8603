package io.webcare.feedback.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spots a sudden rise of complaints about one topic against its own recent past. Complaints are counted per topic in
 * buckets (a minute by default); the last {@code windowBuckets} buckets form the window. Each bucket that leaves the
 * window feeds an exponentially weighted moving average: the baseline per bucket, so the rise itself never inflates
 * the baseline it is compared with. A window is a spike when it holds at least {@code minCount} complaints and at
 * least {@code factor} times its expected count (a baseline below one complaint per window counts as one).
 *
 * <p>{@link #peek} computes what a complaint would make of the window without changing anything, {@link #add} counts
 * it: the caller counts only once its transaction committed. Memory: one small ring per topic.
 */
public final class SpikeDetector {
    private final long bucketMillis;
    private final int windowBuckets;
    private final int minCount;
    private final double factor;
    private final double weight;
    private final Map<String, TopicRate> topics = new HashMap<>();

    public SpikeDetector(Duration bucket, Duration window, int minCount, double factor, double weight) {
        this.bucketMillis = bucket.toMillis();
        this.windowBuckets = (int) Math.max(1, window.toMillis() / bucketMillis);
        this.minCount = minCount;
        this.factor = factor;
        this.weight = weight;
    }

    /**
     * @param count complaints about the topic in the window
     * @param baseline expected complaints in such a window
     * @param rise count divided by the baseline (a baseline below one counts as one)
     */
    public record Observation(
            String topic,
            int count,
            double baseline,
            double rise,
            boolean spike,
            Instant windowStart,
            Instant windowEnd) {}

    /** What the window would look like with one more complaint about {@code topic} at {@code at}. */
    public synchronized Observation peek(String topic, Instant at) {
        TopicRate rate = topics.get(topic);
        TopicRate copy = rate == null ? new TopicRate(windowBuckets, bucketOf(at)) : rate.copy();
        copy.add(bucketOf(at), weight);
        return observation(topic, copy);
    }

    /** Counts a complaint about {@code topic} at {@code at}. */
    public synchronized Observation add(String topic, Instant at) {
        TopicRate rate = topics.computeIfAbsent(topic, t -> new TopicRate(windowBuckets, bucketOf(at)));
        rate.add(bucketOf(at), weight);
        return observation(topic, rate);
    }

    private Observation observation(String topic, TopicRate rate) {
        int count = rate.windowCount();
        double expected = rate.baseline * windowBuckets;
        double rise = count / Math.max(1.0, expected);
        boolean spike = count >= minCount && rise >= factor;
        Instant end = Instant.ofEpochMilli((rate.current + 1) * bucketMillis);
        Instant start = end.minusMillis(windowBuckets * bucketMillis);
        return new Observation(topic, count, expected, rise, spike, start, end);
    }

    private long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), bucketMillis);
    }

    /** One topic's counts: a ring of the window's buckets and the baseline per bucket. */
    private static final class TopicRate {
        final int[] ring;
        long current;
        double baseline;

        TopicRate(int buckets, long current) {
            this.ring = new int[buckets];
            this.current = current;
        }

        TopicRate copy() {
            TopicRate copy = new TopicRate(ring.length, current);
            System.arraycopy(ring, 0, copy.ring, 0, ring.length);
            copy.baseline = baseline;
            return copy;
        }

        void add(long bucket, double weight) {
            if (bucket > current) {
                advance(bucket, weight);
            }
            if (bucket > current - ring.length) {
                ring[(int) Math.floorMod(bucket, (long) ring.length)]++;
            }
        }

        /** Moves the window forward; every bucket leaving it feeds the baseline. */
        private void advance(long bucket, double weight) {
            long steps = bucket - current;
            long leaving = Math.min(steps, ring.length);
            for (long b = current + 1; b <= current + leaving; b++) {
                int slot = (int) Math.floorMod(b, (long) ring.length);
                baseline = (1 - weight) * baseline + weight * ring[slot];
                ring[slot] = 0;
            }
            if (steps > leaving) {
                baseline *= Math.pow(1 - weight, steps - leaving); // quiet buckets beyond the window
            }
            current = bucket;
        }

        int windowCount() {
            int sum = 0;
            for (int c : ring) {
                sum += c;
            }
            return sum;
        }
    }
}
