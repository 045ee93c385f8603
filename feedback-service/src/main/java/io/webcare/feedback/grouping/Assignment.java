package io.webcare.feedback.grouping;

import java.util.UUID;

/**
 * Where a complaint belongs, decided before anything changes: a caller stores it first and applies it to the grouper
 * only once its transaction committed ({@link ComplaintGrouper#apply}).
 *
 * @param newGroup true when no group was similar enough and {@code groupId} is the id of the group it starts
 * @param similarity cosine with the centroid of the group it joins (1 for a new group)
 */
public record Assignment(Complaint complaint, UUID groupId, boolean newGroup, double similarity, Features features) {

    /**
     * The complaint's vector and its words, computed once; {@code meaning} is the unit mean vector of its English
     * words (null when it has none).
     */
    public record Features(SparseVector vector, int[] wordKeys, String[] words, float[] meaning) {}
}
