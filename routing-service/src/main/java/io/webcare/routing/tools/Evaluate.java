package io.webcare.routing.tools;

import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import io.webcare.routing.analysis.AnalysisSettings;
import io.webcare.routing.analysis.MessageAnalyser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Runs the analyser over a labeled CSV file and prints per-class precision/recall/F1, macro F1, accuracy and the
 * confusion matrix. See routing-service/README.md ("Evaluation") for the command and the figures.
 *
 * <pre>
 * --file PATH             labeled CSV with a header line
 * --text-column NAME      column holding the message text
 * --label-column NAME     column holding the gold label
 * --task sentiment|intent|language  what to compare with the gold label (default sentiment)
 * --map gold=ours,...     renames gold labels ("*=question" maps every label); unmapped labels are kept
 * --split all|dev|test    the deterministic split: a row is dev when crc32(text) % 100 &lt; --dev-percent (30)
 * --dedupe-column NAME    keep the first row of each value of this column
 * --own-handles @a,@b     the brand's own handles (default: the service's configuration)
 * --sweep                 also print accuracy and macro F1 over a grid of neutral-band thresholds (tune on dev only)
 * --errors N              print N misclassified rows with the drivers
 * --predictions PATH      write every row (gold, predicted, score, text) as TSV, to compare two runs row by row
 * </pre>
 */
public final class Evaluate {
    private Evaluate() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path file = Path.of(options.required("file"));
        List<LabeledCsv.Row> rows = LabeledCsv.read(
                file,
                options.required("text-column"),
                options.required("label-column"),
                options.get("dedupe-column", null));
        Map<String, String> mapping = mapping(options.get("map", ""));
        String split = options.get("split", "all");
        int devPercent = Integer.parseInt(options.get("dev-percent", "30"));
        rows = rows.stream().filter(r -> inSplit(r.text(), split, devPercent)).toList();
        rows = rows.stream()
                .map(r -> new LabeledCsv.Row(
                        r.text(), mapping.getOrDefault(r.label(), mapping.getOrDefault("*", r.label()))))
                .filter(r -> !r.label().equals("-"))
                .toList();

        AnalysisSettings settings = AnalysisSettings.fromClasspath();
        if (options.has("own-handles")) {
            settings = settings.withOwnHandles(new HashSet<>(Arrays.asList(
                    options.get("own-handles", "").toLowerCase(Locale.ROOT).split(","))));
        }
        String task = options.get("task", "sentiment");
        System.out.printf(
                "file=%s split=%s (dev = crc32(text) %% 100 < %d) task=%s rows=%d%n%n",
                file.getFileName(), split, devPercent, task, rows.size());

        MessageAnalyser analyser = new MessageAnalyser(settings);
        ConfusionMatrix matrix = new ConfusionMatrix();
        int errors = Integer.parseInt(options.get("errors", "0"));
        Reach reach = new Reach(0, false, true);
        double[] scores = new double[rows.size()];
        java.io.PrintWriter predictions = options.has("predictions")
                ? new java.io.PrintWriter(
                        java.nio.file.Files.newBufferedWriter(Path.of(options.get("predictions", ""))))
                : null;
        for (int i = 0; i < rows.size(); i++) {
            LabeledCsv.Row row = rows.get(i);
            MessageAnalysis analysis = analyser.analyse(row.text(), reach);
            scores[i] = analysis.sentiment().score();
            String predicted =
                    switch (task) {
                        case "intent" -> analysis.intent().name().toLowerCase(Locale.ROOT);
                        case "language" -> analysis.language();
                        case "sentiment" -> analysis.sentiment().label();
                        default -> throw new IllegalArgumentException("--task is sentiment, intent or language");
                    };
            matrix.add(row.label(), predicted);
            if (predictions != null) {
                predictions.printf(
                        Locale.ROOT,
                        "%s\t%s\t%.3f\t%s%n",
                        row.label(),
                        predicted,
                        analysis.sentiment().score(),
                        row.text().replace('\n', ' ').replace('\t', ' '));
            }
            if (!predicted.equals(row.label()) && errors-- > 0) {
                System.out.printf(
                        "gold=%s predicted=%s score=%.3f drivers=%s | %s%n",
                        row.label(),
                        predicted,
                        analysis.sentiment().score(),
                        analysis.sentiment().drivers(),
                        row.text().replace('\n', ' '));
            }
        }
        if (predictions != null) {
            predictions.close();
        }
        System.out.println(matrix.report());
        if (options.has("sweep") && task.equals("sentiment")) {
            sweep(rows, scores);
        }
    }

    private static void sweep(List<LabeledCsv.Row> rows, double[] scores) {
        System.out.println("neutral band sweep: positive-threshold negative-threshold accuracy macro-F1");
        for (double pos = 0.0; pos <= 0.61; pos += 0.05) {
            for (double neg = 0.0; neg >= -0.61; neg -= 0.05) {
                ConfusionMatrix m = new ConfusionMatrix();
                for (int i = 0; i < rows.size(); i++) {
                    double s = scores[i];
                    m.add(
                            rows.get(i).label(),
                            s >= pos + 1e-9 && s > 0
                                    ? "positive"
                                    : s <= neg - 1e-9 || (neg == 0 && s < 0) ? "negative" : "neutral");
                }
                System.out.printf("%.2f %.2f %.3f %.3f%n", pos, neg, m.accuracy(), m.macroF1());
            }
        }
    }

    static boolean inSplit(String text, String split, int devPercent) {
        if (split.equals("all")) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean dev = crc.getValue() % 100 < devPercent;
        return switch (split) {
            case "dev" -> dev;
            case "test" -> !dev;
            default -> throw new IllegalArgumentException("--split is all, dev or test");
        };
    }

    private static Map<String, String> mapping(String spec) {
        Map<String, String> mapping = new HashMap<>();
        if (spec.isBlank()) {
            return mapping;
        }
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            mapping.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip().toLowerCase(Locale.ROOT));
        }
        return mapping;
    }
}
