package io.webcare.feedback.evaluation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.webcare.feedback.grouping.Complaint;
import io.webcare.feedback.grouping.ComplaintGrouper;
import io.webcare.feedback.grouping.GroupSnapshot;
import io.webcare.feedback.grouping.GroupingSettings;
import io.webcare.feedback.grouping.WordVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The evaluation command: groups the texts of a labeled CSV with the service's own grouper, in arrival order, and
 * prints how the groups agree with the labels (adjusted Rand index, NMI, purity).
 *
 * <pre>
 * ./mvnw -o -q -pl feedback-service exec:java -Dexec.mainClass=io.webcare.feedback.evaluation.ClusteringEvaluation \
 *   -Dexec.args="--file ../shared/data/twitter-us-airline-sentiment/Tweets.csv --text text --label negativereason \
 *   --exclude-label \"Can't Tell\" --id tweet_id --time tweet_created"
 * </pre>
 *
 * Options: {@code --file}, {@code --text} (column), {@code --label} (column; rows with an empty label are left
 * out), {@code --exclude-label} (repeatable), {@code --id} (column to drop duplicate rows by), {@code --time} (column
 * to order arrivals by; file order otherwise), {@code --language} (nl, en, or auto: the default), {@code --topic}
 * (column with routing-like topics, optional), {@code --similarity} (one value or several, comma-separated, to print
 * a row per threshold), {@code --split} ({@code dev} or {@code test}: one half of the rows by a hash of the id, so a
 * threshold chosen on dev is reported on unseen rows), {@code --indexed-terms} and {@code --query-terms} (the candidate
 * search; {@code 10} and {@code 8} were the values before issue 7), {@code --character-weight}, {@code
 * --meaning-weight} (0 turns the word vectors off), {@code --meaning-similarity} (one or more blended thresholds,
 * a row per value), {@code --word-vectors} (a file made by {@code WordVectorBuilder}
 * instead of the shipped one), {@code --show-groups} (the largest groups' labels).
 */
public final class ClusteringEvaluation {
    private ClusteringEvaluation() {}

    public record Row(String id, String text, String label, String topic, String time) {}

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> options = options(args);
        Path file = Path.of(required(options, "file"));
        String textColumn = required(options, "text");
        String labelColumn = required(options, "label");
        List<Row> rows = read(
                file,
                textColumn,
                labelColumn,
                first(options, "id"),
                first(options, "topic"),
                first(options, "time"),
                Set.copyOf(options.getOrDefault("exclude-label", List.of())));
        String split = first(options, "split");
        if (split != null) {
            rows = split(rows, split);
        }
        String language = first(options, "language");
        if (language == null || language.equals("auto")) {
            language = null;
        }
        List<Double> thresholds = new ArrayList<>();
        String similarity = first(options, "similarity");
        if (similarity == null) {
            thresholds.add(GroupingSettings.defaults().similarity());
        } else {
            for (String value : similarity.split(",")) {
                thresholds.add(Double.parseDouble(value.trim()));
            }
        }
        GroupingSettings base = GroupingSettings.defaults();
        if (first(options, "indexed-terms") != null || first(options, "query-terms") != null) {
            base = base.withIndexedTerms(
                            Integer.parseInt(Objects.requireNonNullElse(first(options, "indexed-terms"), "20")))
                    .withQueryTerms(Integer.parseInt(Objects.requireNonNullElse(first(options, "query-terms"), "16")));
        }
        if (first(options, "character-weight") != null) {
            base = base.withCharacterWeight(Double.parseDouble(first(options, "character-weight")));
        }
        if (first(options, "meaning-weight") != null) {
            base = base.withMeaningWeight(Double.parseDouble(first(options, "meaning-weight")));
        }
        List<Double> meaningThresholds = new ArrayList<>();
        String meaningSimilarity = first(options, "meaning-similarity");
        if (meaningSimilarity != null) {
            for (String value : meaningSimilarity.split(",")) {
                meaningThresholds.add(Double.parseDouble(value.trim()));
            }
        }
        String vectorFile = first(options, "word-vectors");
        WordVectors vectors = vectorFile == null
                ? (base.meaningWeight() > 0 ? WordVectors.english() : WordVectors.none())
                : WordVectors.read(Path.of(vectorFile));
        Map<String, Long> labelCounts = new LinkedHashMap<>();
        rows.forEach(row -> labelCounts.merge(row.label(), 1L, Long::sum));
        System.out.printf(
                Locale.ROOT,
                "%s: %d rows, %d labels %s%n",
                file.getFileName(),
                rows.size(),
                labelCounts.size(),
                labelCounts);
        // One row per lexical threshold, or, with --meaning-similarity, per blended threshold.
        List<GroupingSettings> variants = new ArrayList<>();
        if (meaningThresholds.isEmpty()) {
            for (double threshold : thresholds) {
                variants.add(base.withSimilarity(threshold));
            }
        } else {
            GroupingSettings lexical = base.withSimilarity(thresholds.getFirst());
            for (double threshold : meaningThresholds) {
                variants.add(lexical.withMeaningSimilarity(threshold));
            }
        }
        System.out.println("similarity (lexical/blended)  groups  in-groups-of-2+  ARI     NMI     purity  seconds");
        for (GroupingSettings settings : variants) {
            long started = System.nanoTime();
            Result result = evaluate(rows, settings, vectors, language);
            double seconds = (System.nanoTime() - started) / 1e9;
            ClusterAgreement a = result.agreement();
            System.out.printf(
                    Locale.ROOT,
                    "%.2f/%-23s  %6d  %14.1f%%  %.4f  %.4f  %.4f  %.1f%n",
                    settings.similarity(),
                    settings.meaningWeight() > 0
                            ? String.format(Locale.ROOT, "%.2f", settings.meaningSimilarity())
                            : "-",
                    a.clusters(),
                    100.0 * result.inGroupsOfTwoOrMore() / a.items(),
                    a.adjustedRand(),
                    a.nmi(),
                    a.purity(),
                    seconds);
        }
        if (options.containsKey("show-groups")) {
            Result result = evaluate(rows, variants.getFirst(), vectors, language);
            result.largest().forEach(group -> System.out.printf(Locale.ROOT, "%5d  %s%n", group.size(), group.label()));
        }
    }

    public record Result(ClusterAgreement agreement, int inGroupsOfTwoOrMore, List<GroupSnapshot> largest) {}

    /** Groups the rows in order with a fresh grouper and measures the agreement of the groups with the labels. */
    public static Result evaluate(List<Row> rows, GroupingSettings settings, String language) {
        return evaluate(
                rows, settings, settings.meaningWeight() > 0 ? WordVectors.english() : WordVectors.none(), language);
    }

    /** Like {@link #evaluate(List, GroupingSettings, String)} with given word vectors (comparing vector files). */
    public static Result evaluate(List<Row> rows, GroupingSettings settings, WordVectors vectors, String language) {
        ComplaintGrouper grouper = new ComplaintGrouper(settings, vectors);
        List<String> labels = new ArrayList<>(rows.size());
        List<UUID> groups = new ArrayList<>(rows.size());
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (Row row : rows) {
            List<String> topics = row.topic() == null || row.topic().isBlank() ? List.of() : List.of(row.topic());
            // Arrival times one second apart: the order is the file's (or the time column's), no group expires.
            at = at.plusSeconds(1);
            UUID group = grouper.add(new Complaint(UUID.randomUUID(), row.text(), language, topics, at));
            labels.add(row.label());
            groups.add(group);
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        groups.forEach(g -> sizes.merge(g, 1, Integer::sum));
        int inGroups = (int) groups.stream().filter(g -> sizes.get(g) > 1).count();
        List<GroupSnapshot> largest = sizes.entrySet().stream()
                .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed())
                .limit(25)
                .map(e -> grouper.group(e.getKey()).orElseThrow())
                .toList();
        return new Result(ClusterAgreement.of(labels, groups), inGroups, largest);
    }

    public static List<Row> read(
            Path file,
            String textColumn,
            String labelColumn,
            String idColumn,
            String topicColumn,
            String timeColumn,
            Set<String> excludedLabels)
            throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it =
                        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            while (it.hasNext()) {
                Map<String, String> record = it.next();
                if (!record.containsKey(textColumn) || !record.containsKey(labelColumn)) {
                    throw new IllegalArgumentException("the file has no column " + textColumn + " or " + labelColumn
                            + "; it has " + record.keySet());
                }
                String label = record.get(labelColumn);
                if (label == null || label.isBlank() || excludedLabels.contains(label)) {
                    continue;
                }
                String id = idColumn == null ? null : record.get(idColumn);
                if (id != null && !seen.add(id)) {
                    continue;
                }
                rows.add(new Row(
                        id,
                        record.get(textColumn),
                        label,
                        topicColumn == null ? null : record.get(topicColumn),
                        timeColumn == null ? null : record.get(timeColumn)));
            }
        }
        if (timeColumn != null) {
            rows.sort(Comparator.comparing(row -> row.time() == null ? "" : row.time()));
        }
        return rows;
    }

    /**
     * The dev or test half of the rows, by a hash of each row's id (its text when there is no id column): a threshold
     * is chosen on dev and reported on test, and a row is always in the same half, whatever the file's order.
     */
    public static List<Row> split(List<Row> rows, String half) {
        if (!half.equals("dev") && !half.equals("test")) {
            throw new IllegalArgumentException("--split is dev or test, not " + half);
        }
        boolean wantTest = half.equals("test");
        List<Row> kept = new ArrayList<>();
        for (Row row : rows) {
            CRC32 crc = new CRC32();
            crc.update((row.id() != null ? row.id() : row.text()).getBytes(StandardCharsets.UTF_8));
            if (((crc.getValue() & 1) == 1) == wantTest) {
                kept.add(row);
            }
        }
        return kept;
    }

    static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            String name = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return options;
    }

    private static String required(Map<String, List<String>> options, String name) {
        String value = first(options, name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String first(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.getFirst();
    }
}
