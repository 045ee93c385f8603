package io.webcare.feedback.grouping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One group's mutable state inside {@link ComplaintGrouper}; guarded by the grouper's lock. */
final class Group {
    final UUID id;
    final int slot;
    final List<String> topics;
    Instant firstAt;
    Instant lastAt;
    int size;
    boolean pinned;

    /** Sum of the members' unit vectors, truncated to its heaviest features; keys ascending. */
    private int[] keys = new int[0];

    private float[] sums = new float[0];
    private double norm;

    /** Sum of the members' unit meaning vectors: null until an English member with word vectors joins. */
    private float[] meaningSum;

    private double meaningNorm;

    /** Word features currently entered in the inverted index, ascending. */
    int[] indexed = new int[0];

    private final List<UUID> samples = new ArrayList<>(3);
    private final List<Double> sampleScores = new ArrayList<>(3);

    Group(UUID id, int slot, List<String> topics, Instant at) {
        this.id = id;
        this.slot = slot;
        this.topics = topics;
        this.firstAt = at;
        this.lastAt = at;
    }

    boolean sharesTopic(List<String> other) {
        if (topics.isEmpty() || other.isEmpty()) {
            return true;
        }
        for (String topic : other) {
            if (topics.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    double cosine(SparseVector unit) {
        if (norm == 0) {
            return 0;
        }
        return SparseVector.dot(unit.keys(), unit.values(), unit.size(), keys, sums, keys.length) / norm;
    }

    boolean hasMeaning() {
        return meaningNorm > 0;
    }

    double meaningCosine(float[] unit) {
        double dot = 0;
        for (int d = 0; d < unit.length; d++) {
            dot += unit[d] * meaningSum[d];
        }
        return dot / meaningNorm;
    }

    void addMeaning(float[] unit) {
        if (unit == null) {
            return;
        }
        if (meaningSum == null) {
            meaningSum = new float[unit.length];
        }
        double sq = 0;
        for (int d = 0; d < unit.length; d++) {
            meaningSum[d] += unit[d];
            sq += (double) meaningSum[d] * meaningSum[d];
        }
        meaningNorm = Math.sqrt(sq);
    }

    void add(SparseVector unit, int maxTerms) {
        int[] mergedKeys = new int[keys.length + unit.size()];
        float[] mergedSums = new float[mergedKeys.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < keys.length || j < unit.size()) {
            if (j >= unit.size() || (i < keys.length && keys[i] < unit.keys()[j])) {
                mergedKeys[n] = keys[i];
                mergedSums[n++] = sums[i++];
            } else if (i >= keys.length || unit.keys()[j] < keys[i]) {
                mergedKeys[n] = unit.keys()[j];
                mergedSums[n++] = unit.values()[j++];
            } else {
                mergedKeys[n] = keys[i];
                mergedSums[n++] = sums[i++] + unit.values()[j++];
            }
        }
        if (n > maxTerms) {
            int[] top = topPositions(mergedSums, n, maxTerms);
            Arrays.sort(top);
            int[] k = new int[top.length];
            float[] s = new float[top.length];
            for (int t = 0; t < top.length; t++) {
                k[t] = mergedKeys[top[t]];
                s[t] = mergedSums[top[t]];
            }
            keys = k;
            sums = s;
        } else {
            keys = Arrays.copyOf(mergedKeys, n);
            sums = Arrays.copyOf(mergedSums, n);
        }
        double sq = 0;
        for (float v : sums) {
            sq += (double) v * v;
        }
        norm = Math.sqrt(sq);
        size++;
    }

    /** Positions of the {@code limit} largest values. */
    private static int[] topPositions(float[] values, int n, int limit) {
        long[] packed = new long[n];
        for (int p = 0; p < n; p++) {
            // Non-negative floats order like their bits; pack the position in the low half.
            packed[p] = ((long) Float.floatToIntBits(Math.max(0, values[p])) << 32) | p;
        }
        Arrays.sort(packed);
        int[] top = new int[limit];
        for (int t = 0; t < limit; t++) {
            top[t] = (int) packed[n - 1 - t];
        }
        return top;
    }

    /** The {@code limit} heaviest word features of the centroid. */
    int[] heaviestWords(int limit) {
        int[] wordKeys = new int[keys.length];
        float[] wordSums = new float[keys.length];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (ComplaintGrouper.isWord(keys[i])) {
                wordKeys[n] = keys[i];
                wordSums[n++] = sums[i];
            }
        }
        return ComplaintGrouper.heaviest(wordKeys, wordSums, n, limit);
    }

    /** Keeps the messages most similar to the group when they joined. */
    void offerSample(UUID messageId, double similarity, int max) {
        if (samples.contains(messageId)) {
            return;
        }
        if (samples.size() < max) {
            samples.add(messageId);
            sampleScores.add(similarity);
            return;
        }
        int weakest = 0;
        for (int i = 1; i < sampleScores.size(); i++) {
            if (sampleScores.get(i) < sampleScores.get(weakest)) {
                weakest = i;
            }
        }
        if (similarity > sampleScores.get(weakest)) {
            samples.set(weakest, messageId);
            sampleScores.set(weakest, similarity);
        }
    }

    GroupSnapshot snapshot(ComplaintGrouper grouper) {
        int[] top = heaviestWords(8);
        List<String> terms = new ArrayList<>(top.length);
        for (int key : top) {
            String word = grouper.word(key);
            if (!terms.contains(word)) {
                terms.add(word);
            }
        }
        String label = String.join(" ", terms.subList(0, Math.min(4, terms.size())));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(sampleScores.get(b), sampleScores.get(a)));
        List<UUID> sampleIds = order.stream().map(samples::get).toList();
        return new GroupSnapshot(id, label, List.copyOf(terms), topics, size, firstAt, lastAt, sampleIds);
    }
}
