package io.webcare.feedback.grouping;

import java.util.Arrays;

/** A sparse vector: feature ids in ascending order and their weights. Immutable once built. */
record SparseVector(int[] keys, float[] values) {
    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    int size() {
        return keys.length;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** Dot product of two sparse vectors, by merging their sorted keys. */
    static double dot(int[] aKeys, float[] aValues, int aSize, int[] bKeys, float[] bValues, int bSize) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < aSize && j < bSize) {
            int a = aKeys[i];
            int b = bKeys[j];
            if (a == b) {
                sum += (double) aValues[i++] * bValues[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Builds a vector from unsorted keys and weights, summing duplicate keys and scaling it to unit length. */
    static SparseVector unitOf(int[] keys, float[] weights, int size) {
        if (size == 0) {
            return EMPTY;
        }
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = ((long) keys[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] outKeys = new int[size];
        float[] outValues = new float[size];
        int n = -1;
        for (long p : packed) {
            int key = (int) (p >> 32);
            float w = weights[(int) p];
            if (n >= 0 && outKeys[n] == key) {
                outValues[n] += w;
            } else {
                n++;
                outKeys[n] = key;
                outValues[n] = w;
            }
        }
        n++;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += (double) outValues[i] * outValues[i];
        }
        if (norm == 0) {
            return EMPTY;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            outValues[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(outKeys, n), Arrays.copyOf(outValues, n));
    }
}
