package io.webcare.feedback.grouping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups complaints about the same problem as they arrive (single pass, no batch re-clustering).
 *
 * <p>Each complaint becomes a unit TF-IDF vector of its word stems plus, with a smaller share, the character trigrams
 * of those stems, so spelling variants ("storing"/"storring", "cancelled"/"canceled") still overlap. Document
 * frequencies are learned online in a fixed-size hashed table. A group keeps the sum of its members' vectors (its
 * centroid, truncated to its heaviest features); a complaint joins the most similar group whose cosine reaches the
 * threshold and shares a topic, else it starts a new group. For an English complaint and a group with English members
 * the similarity also weighs the cosine of their meaning vectors (IDF-weighted mean GloVe word vectors, {@link
 * WordVectors}), with its own threshold, so the words of a complaint that differ from the group's still count by what
 * they mean; Dutch complaints are compared by their words only.
 *
 * <p>Matching is not a scan over all groups: an inverted index maps each group's heaviest words to the group, and a
 * complaint only scores the groups that share its heaviest words, reading a bounded number of index entries per
 * word. Memory is bounded: features are hashed, centroids truncated, and groups expire when idle or when there are
 * too many (least recently joined first); a group pinned by an open issue does not expire.
 *
 * <p>Thread-safe: every method is synchronized (a consumer and the REST threads may use it at once).
 */
public final class ComplaintGrouper {
    private static final int DF_BITS = 20;
    private static final int DF_MASK = (1 << DF_BITS) - 1;
    private static final int VOCABULARY_LIMIT = 500_000;

    private final GroupingSettings settings;
    private final WordVectors wordVectors;
    private final ComplaintText text = new ComplaintText();
    private final int[] documentFrequency = new int[1 << DF_BITS];
    private long documents;
    private final Map<Integer, String> vocabulary = new HashMap<>();

    /** Groups in the order they were last joined: the eldest is first to expire. */
    private final LinkedHashMap<UUID, Group> groups = new LinkedHashMap<>(1024, 0.75f, true);

    private Group[] bySlot = new Group[1024];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int nextSlot;
    private final Map<Integer, Posting> index = new HashMap<>();

    // Scratch space for candidate search, indexed by slot; stamps avoid clearing it per complaint.
    private int[] stamp = new int[1024];
    private int[] hits = new int[1024];
    private int[] touched = new int[1024];
    private int query;
    private Instant latest = Instant.EPOCH;

    /** A grouper with the English word vectors shipped with the service (when its settings use them). */
    public ComplaintGrouper(GroupingSettings settings) {
        this(settings, settings.meaningWeight() > 0 ? WordVectors.english() : WordVectors.none());
    }

    public ComplaintGrouper(GroupingSettings settings, WordVectors wordVectors) {
        this.settings = settings;
        this.wordVectors = wordVectors;
    }

    public GroupingSettings settings() {
        return settings;
    }

    /** Decides where {@code complaint} belongs without changing anything. */
    public synchronized Assignment propose(Complaint complaint) {
        Assignment.Features features = features(complaint);
        Group best = null;
        double bestSimilarity = -1;
        double bestMargin = Double.NEGATIVE_INFINITY;
        if (!features.vector().isEmpty()) {
            for (Group candidate : candidates(features, complaint.topics())) {
                double similarity = similarity(candidate, features);
                // A blended similarity has its own threshold: compare candidates by how far they clear theirs.
                double margin = similarity
                        - (blends(candidate, features) ? settings.meaningSimilarity() : settings.similarity());
                if (margin > bestMargin) {
                    bestMargin = margin;
                    bestSimilarity = similarity;
                    best = candidate;
                }
            }
        }
        if (best != null && bestMargin >= 0) {
            return new Assignment(complaint, best.id, false, bestSimilarity, features);
        }
        return new Assignment(complaint, UUID.randomUUID(), true, 1, features);
    }

    /** Applies a decision of {@link #propose}: the complaint joins (or starts) its group; returns the group's id. */
    public synchronized UUID apply(Assignment assignment) {
        join(assignment.groupId(), assignment.complaint(), assignment.features());
        return assignment.groupId();
    }

    /** Proposes and applies at once (evaluation, benchmark); returns the id of the group the complaint joined. */
    public synchronized UUID add(Complaint complaint) {
        return apply(propose(complaint));
    }

    /** Puts a stored complaint back into the group it was assigned to (rebuilding the state after a restart). */
    public synchronized void restore(UUID groupId, Complaint complaint) {
        join(groupId, complaint, features(complaint));
    }

    public synchronized Optional<GroupSnapshot> group(UUID id) {
        Group group = groups.get(id);
        return group == null ? Optional.empty() : Optional.of(group.snapshot(this));
    }

    /** A pinned group (one with an open issue) never expires; unpinning lets it expire as usual. */
    public synchronized void pin(UUID groupId, boolean pinned) {
        Group group = groups.get(groupId);
        if (group != null) {
            group.pinned = pinned;
        }
    }

    public synchronized int size() {
        return groups.size();
    }

    /** Expires idle groups and, beyond the maximum, the least recently joined ones. */
    public synchronized void expire(Instant now) {
        Instant idleBefore = now.minus(settings.idleExpiry());
        List<Group> keep = new ArrayList<>();
        Iterator<Group> eldest = groups.values().iterator();
        int excess = groups.size() - settings.maxGroups();
        while (eldest.hasNext()) {
            Group group = eldest.next();
            boolean idle = group.lastAt.isBefore(idleBefore);
            if (!idle && excess <= 0) {
                break;
            }
            eldest.remove();
            if (group.pinned) {
                keep.add(group);
            } else {
                release(group);
                excess--;
            }
        }
        keep.forEach(group -> groups.put(group.id, group));
    }

    /** The lexical cosine, blended with the meaning cosine when both sides have English words with vectors. */
    private double similarity(Group group, Assignment.Features features) {
        double lexical = group.cosine(features.vector());
        if (!blends(group, features)) {
            return lexical;
        }
        double weight = settings.meaningWeight();
        return (1 - weight) * lexical + weight * group.meaningCosine(features.meaning());
    }

    private boolean blends(Group group, Assignment.Features features) {
        return settings.meaningWeight() > 0 && features.meaning() != null && group.hasMeaning();
    }

    // --- features ----------------------------------------------------------------------------------------------

    private Assignment.Features features(Complaint complaint) {
        ComplaintText.Analysis analysis = text.analyse(complaint.text(), complaint.language());
        List<ComplaintText.Term> terms = analysis.terms();
        int max = terms.size();
        for (ComplaintText.Term term : terms) {
            max += term.stem().length(); // a stem of length L padded with ^ and $ has L trigrams
        }
        int[] keys = new int[max];
        float[] weights = new float[max];
        int n = 0;
        Map<Integer, Integer> wordCounts = new HashMap<>();
        Map<Integer, String> words = new HashMap<>();
        for (ComplaintText.Term term : terms) {
            int key = wordKey(term.stem());
            wordCounts.merge(key, 1, Integer::sum);
            words.putIfAbsent(key, term.word());
        }
        double wordMass = 0;
        for (Map.Entry<Integer, Integer> word : wordCounts.entrySet()) {
            float w = (float) ((1 + Math.log(word.getValue())) * idf(word.getKey()));
            keys[n] = word.getKey();
            weights[n++] = w;
            wordMass += (double) w * w;
        }
        int firstGram = n;
        double gramMass = 0;
        for (ComplaintText.Term term : terms) {
            String padded = "^" + term.stem() + "$";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                int key = gramKey(padded, i);
                float w = (float) idf(key);
                keys[n] = key;
                weights[n++] = w;
                gramMass += (double) w * w;
            }
        }
        // Give the trigrams their share of the vector's length, whatever their number.
        double share = settings.characterWeight();
        if (gramMass > 0 && wordMass > 0 && share > 0 && share < 1) {
            float scale = (float) Math.sqrt(share / (1 - share) * wordMass / gramMass);
            for (int i = firstGram; i < n; i++) {
                weights[i] *= scale;
            }
        } else if (share <= 0) {
            n = firstGram;
        }
        SparseVector vector = SparseVector.unitOf(keys, weights, n);
        int[] wordKeys = new int[wordCounts.size()];
        String[] surface = new String[wordCounts.size()];
        int i = 0;
        for (Map.Entry<Integer, String> word : words.entrySet()) {
            wordKeys[i] = word.getKey();
            surface[i++] = word.getValue();
        }
        return new Assignment.Features(vector, wordKeys, surface, meaning(analysis, wordCounts));
    }

    /**
     * The unit IDF-weighted mean vector of the complaint's English words (each distinct word once, weighted like its
     * stem), null for a Dutch complaint or when none of its words has a vector.
     */
    private float[] meaning(ComplaintText.Analysis analysis, Map<Integer, Integer> wordCounts) {
        if (analysis.dutch() || settings.meaningWeight() <= 0 || wordVectors.isEmpty()) {
            return null;
        }
        float[] sum = new float[wordVectors.dimensions()];
        boolean any = false;
        for (ComplaintText.Term term : analysis.terms()) {
            int key = wordKey(term.stem());
            float weight = (float) (idf(key) / wordCounts.get(key));
            any |= wordVectors.addTo(term.word(), weight, sum);
        }
        double sq = 0;
        for (float v : sum) {
            sq += (double) v * v;
        }
        if (!any || sq == 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(sq));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    private double idf(int key) {
        return Math.log((documents + 1.0) / (documentFrequency[key & DF_MASK] + 1.0)) + 1;
    }

    /** Word features have an even id, trigram features an odd one. */
    private static int wordKey(String stem) {
        return mix(stem.hashCode()) & ~1;
    }

    private static int gramKey(String padded, int at) {
        int h = 31 * (31 * padded.charAt(at) + padded.charAt(at + 1)) + padded.charAt(at + 2);
        return mix(h * 0x9E3779B1 + 7) | 1;
    }

    static boolean isWord(int key) {
        return (key & 1) == 0;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private void learn(Assignment.Features features) {
        documents++;
        int[] keys = features.vector().keys();
        for (int key : keys) {
            documentFrequency[key & DF_MASK]++;
        }
        String[] words = features.words();
        int[] wordKeys = features.wordKeys();
        for (int i = 0; i < wordKeys.length; i++) {
            if (vocabulary.size() < VOCABULARY_LIMIT || vocabulary.containsKey(wordKeys[i])) {
                vocabulary.put(wordKeys[i], words[i]);
            }
        }
    }

    String word(int key) {
        return vocabulary.getOrDefault(key, "?");
    }

    // --- candidates ----------------------------------------------------------------------------------------------

    private List<Group> candidates(Assignment.Features features, List<String> topics) {
        SparseVector vector = features.vector();
        int[] wordKeys = new int[vector.size()];
        float[] wordWeights = new float[vector.size()];
        int words = 0;
        for (int i = 0; i < vector.size(); i++) {
            if (isWord(vector.keys()[i])) {
                wordKeys[words] = vector.keys()[i];
                wordWeights[words++] = vector.values()[i];
            }
        }
        int[] order = heaviest(wordKeys, wordWeights, words, settings.queryTerms());
        query++;
        int[] touched = this.touched;
        int touchedCount = 0;
        int maxHits = 0;
        for (int key : order) {
            Posting posting = index.get(key);
            if (posting == null) {
                continue;
            }
            int from = Math.max(0, posting.size - settings.postingScan());
            for (int p = posting.size - 1; p >= from; p--) {
                int slot = posting.slots[p];
                if (stamp[slot] != query) {
                    stamp[slot] = query;
                    hits[slot] = 0;
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touched.length * 2);
                        this.touched = touched;
                    }
                    touched[touchedCount++] = slot;
                }
                maxHits = Math.max(maxHits, ++hits[slot]);
            }
        }
        // Keep the groups sharing the most words: find the lowest number of shared words that still fits in the
        // candidate budget (a counting sort over at most queryTerms + 1 values), then take those in one pass.
        int[] perHits = new int[maxHits + 2];
        for (int t = 0; t < touchedCount; t++) {
            perHits[hits[touched[t]]]++;
        }
        int floor = maxHits;
        int taken = perHits[maxHits];
        while (floor > 1 && taken + perHits[floor - 1] <= settings.candidates()) {
            floor--;
            taken += perHits[floor];
        }
        List<Group> result = new ArrayList<>(Math.min(taken, settings.candidates()));
        for (int t = 0; t < touchedCount && result.size() < settings.candidates(); t++) {
            int slot = touched[t];
            if (hits[slot] >= floor) {
                Group group = bySlot[slot];
                if (group.sharesTopic(topics)) {
                    result.add(group);
                }
            }
        }
        return result;
    }

    /** The keys of the {@code limit} heaviest entries (weights are never negative), heaviest first. */
    static int[] heaviest(int[] keys, float[] weights, int size, int limit) {
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            // Non-negative floats order like their bits: weight in the high half, position in the low half.
            packed[i] = ((long) Float.floatToIntBits(Math.max(0f, weights[i])) << 32) | i;
        }
        Arrays.sort(packed);
        int n = Math.min(limit, size);
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = keys[(int) packed[size - 1 - i]];
        }
        return result;
    }

    // --- groups --------------------------------------------------------------------------------------------------

    private Group join(UUID groupId, Complaint complaint, Assignment.Features features) {
        learn(features);
        Group group = groups.get(groupId);
        if (group == null) {
            group = new Group(groupId, allocateSlot(), complaint.topics(), complaint.at());
            groups.put(groupId, group);
            bySlot[group.slot] = group;
        }
        double similarity = group.size == 0 ? 1 : similarity(group, features);
        group.add(features.vector(), settings.centroidTerms());
        group.addMeaning(features.meaning());
        group.offerSample(complaint.messageId(), similarity, settings.samples());
        if (complaint.at().isAfter(group.lastAt)) {
            group.lastAt = complaint.at();
        }
        if (complaint.at().isBefore(group.firstAt)) {
            group.firstAt = complaint.at();
        }
        if (group.size <= 16 || group.size % 8 == 0) {
            reindex(group); // the heaviest words of an established group rarely change
        }
        if (complaint.at().isAfter(latest)) {
            latest = complaint.at();
        }
        if (groups.size() > settings.maxGroups() || (documents & 1023) == 0) {
            expire(latest);
        }
        return group;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        int slot = nextSlot++;
        if (slot >= bySlot.length) {
            int capacity = bySlot.length * 2;
            bySlot = Arrays.copyOf(bySlot, capacity);
            stamp = Arrays.copyOf(stamp, capacity);
            hits = Arrays.copyOf(hits, capacity);
        }
        return slot;
    }

    private void release(Group group) {
        for (int key : group.indexed) {
            unindex(key, group.slot);
        }
        bySlot[group.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeSlots.length * 2));
        }
        freeSlots[freeCount++] = group.slot;
    }

    private void reindex(Group group) {
        int[] wanted = group.heaviestWords(settings.indexedTerms());
        Arrays.sort(wanted);
        int[] current = group.indexed;
        if (Arrays.equals(current, wanted)) {
            return;
        }
        for (int key : current) {
            if (Arrays.binarySearch(wanted, key) < 0) {
                unindex(key, group.slot);
            }
        }
        for (int key : wanted) {
            if (Arrays.binarySearch(current, key) < 0) {
                index.computeIfAbsent(key, k -> new Posting()).add(group.slot);
            }
        }
        group.indexed = wanted;
    }

    private void unindex(int key, int slot) {
        Posting posting = index.get(key);
        if (posting != null && posting.remove(slot) && posting.size == 0) {
            index.remove(key);
        }
    }

    /** The groups a word is among the heaviest words of, oldest entry first. */
    private static final class Posting {
        int[] slots = new int[4];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        boolean remove(int slot) {
            for (int i = size - 1; i >= 0; i--) {
                if (slots[i] == slot) {
                    System.arraycopy(slots, i + 1, slots, i, size - i - 1);
                    size--;
                    return true;
                }
            }
            return false;
        }
    }
}
