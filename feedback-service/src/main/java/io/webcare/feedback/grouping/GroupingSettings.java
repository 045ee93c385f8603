package io.webcare.feedback.grouping;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * How complaints are grouped.
 *
 * @param similarity the cosine a complaint needs with a group's centroid to join it, else it starts a group
 * @param maxGroups open groups kept at most; the least recently joined ones expire first beyond it
 * @param idleExpiry a group nobody joined for this long expires (unless pinned by an open issue)
 * @param centroidTerms features a group's centroid keeps (its heaviest), which bounds memory per group
 * @param indexedTerms word features of a centroid entered in the inverted index, used to find candidate groups
 * @param queryTerms heaviest word features of a complaint looked up in the index
 * @param postingScan most recent index entries read per looked-up word (a word common to thousands of groups says
 *     little; reading only the newest bounds the work per complaint)
 * @param candidates groups scored in full per complaint at most (those sharing the most words)
 * @param characterWeight share of a complaint's vector given to character trigrams of its words (robust to spelling
 *     variants); the rest goes to whole words
 * @param meaningWeight weight of the meaning cosine (IDF-weighted mean word vectors of the complaint and of the
 *     group, {@link WordVectors}) in the similarity of an English complaint to a group with English members; the
 *     lexical cosine has the rest; 0 turns it off (Dutch complaints are always compared lexically)
 * @param meaningSimilarity the blended similarity (lexical and meaning cosine) an English complaint needs with a
 *     group with English members to join it; {@code similarity} applies when either side has no word vectors
 * @param samples representative messages kept per group
 */
@RecordBuilder
public record GroupingSettings(
        double similarity,
        int maxGroups,
        Duration idleExpiry,
        int centroidTerms,
        int indexedTerms,
        int queryTerms,
        int postingScan,
        int candidates,
        double characterWeight,
        double meaningWeight,
        double meaningSimilarity,
        int samples)
        implements GroupingSettingsBuilder.With {

    /**
     * The defaults. The meaning weight 0.5 and its threshold 0.50 (issue 7, word vectors) were chosen on the dev halves
     * of the English sets and reported on their test halves (README). The lexical threshold 0.30 and the candidate search (20 indexed words per group, 16 looked-up words per
     * complaint) were chosen on the dev halves of two labeled sets and reported on their test halves (README); with
     * fewer indexed or looked-up words a complaint often never meets the group it belongs to, because its rarest words
     * are seldom among a group's few heaviest.
     */
    public static GroupingSettings defaults() {
        return new GroupingSettings(0.30, 200_000, Duration.ofDays(14), 48, 20, 16, 1_000, 64, 0.3, 0.5, 0.50, 3);
    }
}
