package io.webcare.feedback.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a clustering agrees with reference labels: adjusted Rand index (chance-corrected pair agreement, 0 for a
 * random clustering, 1 for a perfect one), normalised mutual information (arithmetic-mean normalisation, as
 * scikit-learn's default) and purity (share of items in their cluster's majority label; 1 for all-singletons, so
 * never read it alone).
 */
public record ClusterAgreement(int items, int clusters, int labels, double adjustedRand, double nmi, double purity) {

    public static <L, C> ClusterAgreement of(List<L> labels, List<C> clusters) {
        if (labels.size() != clusters.size()) {
            throw new IllegalArgumentException("labels and clusters differ in length");
        }
        int n = labels.size();
        Map<L, Integer> labelIndex = new HashMap<>();
        Map<C, Integer> clusterIndex = new HashMap<>();
        Map<Long, Integer> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int l = labelIndex.computeIfAbsent(labels.get(i), k -> labelIndex.size());
            int c = clusterIndex.computeIfAbsent(clusters.get(i), k -> clusterIndex.size());
            cells.merge(((long) l << 32) | c, 1, Integer::sum);
        }
        long[] labelSizes = new long[labelIndex.size()];
        long[] clusterSizes = new long[clusterIndex.size()];
        long[] clusterMajority = new long[clusterIndex.size()];
        double sumCells = 0;
        double mutual = 0;
        for (Map.Entry<Long, Integer> cell : cells.entrySet()) {
            int l = (int) (cell.getKey() >> 32);
            int c = (int) (long) cell.getKey();
            labelSizes[l] += cell.getValue();
            clusterSizes[c] += cell.getValue();
            clusterMajority[c] = Math.max(clusterMajority[c], cell.getValue());
            sumCells += pairs(cell.getValue());
        }
        for (Map.Entry<Long, Integer> cell : cells.entrySet()) {
            int l = (int) (cell.getKey() >> 32);
            int c = (int) (long) cell.getKey();
            double nij = cell.getValue();
            mutual += nij / n * Math.log(n * nij / ((double) labelSizes[l] * clusterSizes[c]));
        }
        double sumLabels = 0;
        double labelEntropy = 0;
        for (long size : labelSizes) {
            sumLabels += pairs(size);
            labelEntropy -= (double) size / n * Math.log((double) size / n);
        }
        double sumClusters = 0;
        double clusterEntropy = 0;
        long majority = 0;
        for (int c = 0; c < clusterSizes.length; c++) {
            sumClusters += pairs(clusterSizes[c]);
            clusterEntropy -= (double) clusterSizes[c] / n * Math.log((double) clusterSizes[c] / n);
            majority += clusterMajority[c];
        }
        double expected = sumLabels * sumClusters / pairs(n);
        double max = (sumLabels + sumClusters) / 2;
        double ari = max == expected ? 1.0 : (sumCells - expected) / (max - expected);
        double meanEntropy = (labelEntropy + clusterEntropy) / 2;
        double nmi = meanEntropy == 0 ? 1.0 : Math.max(0, mutual) / meanEntropy;
        return new ClusterAgreement(
                n, clusterIndex.size(), labelIndex.size(), ari, nmi, n == 0 ? 0 : (double) majority / n);
    }

    private static double pairs(long k) {
        return k * (k - 1) / 2.0;
    }
}
