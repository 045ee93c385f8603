package io.webcare.routing.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Gold versus predicted labels: per-class precision, recall and F1, macro F1, accuracy, and the matrix itself. */
final class ConfusionMatrix {
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final TreeSet<String> classes = new TreeSet<>();
    private int total;

    void add(String gold, String predicted) {
        counts.computeIfAbsent(gold, g -> new LinkedHashMap<>()).merge(predicted, 1, Integer::sum);
        classes.add(gold);
        classes.add(predicted);
        total++;
    }

    int count(String gold, String predicted) {
        return counts.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
    }

    int total() {
        return total;
    }

    double accuracy() {
        int correct = 0;
        for (String c : classes) {
            correct += count(c, c);
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    double precision(String c) {
        int predicted = 0;
        for (String g : classes) {
            predicted += count(g, c);
        }
        return predicted == 0 ? 0 : (double) count(c, c) / predicted;
    }

    double recall(String c) {
        int gold = 0;
        for (String p : classes) {
            gold += count(c, p);
        }
        return gold == 0 ? 0 : (double) count(c, c) / gold;
    }

    double f1(String c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the gold classes (a class only ever predicted, never gold, does not count). */
    double macroF1() {
        List<String> gold = goldClasses();
        return gold.isEmpty() ? 0 : gold.stream().mapToDouble(this::f1).sum() / gold.size();
    }

    List<String> goldClasses() {
        return new ArrayList<>(classes.stream().filter(counts::containsKey).toList());
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-14s %9s %9s %9s %7s%n", "class", "precision", "recall", "f1", "gold"));
        for (String c : classes) {
            int gold = 0;
            for (String p : classes) {
                gold += count(c, p);
            }
            sb.append(String.format("%-14s %9.3f %9.3f %9.3f %7d%n", c, precision(c), recall(c), f1(c), gold));
        }
        sb.append(String.format("%nn=%d  accuracy=%.3f  macro-F1=%.3f%n%n", total, accuracy(), macroF1()));
        sb.append(String.format("%-14s", "gold \\ pred"));
        for (String p : classes) {
            sb.append(String.format(" %11s", p));
        }
        sb.append('\n');
        for (String g : classes) {
            sb.append(String.format("%-14s", g));
            for (String p : classes) {
                sb.append(String.format(" %11d", count(g, p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
