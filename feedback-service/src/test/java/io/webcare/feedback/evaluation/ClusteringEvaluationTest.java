package io.webcare.feedback.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.feedback.evaluation.ClusteringEvaluation.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusteringEvaluationTest {
    private static final List<Row> ROWS = IntStream.range(0, 1_000)
            .mapToObj(i -> new Row("tweet-" + i, "complaint " + i, "label " + (i % 7), null, null))
            .toList();

    @Test
    void devAndTestSplitTheRowsIntoTwoDisjointHalves() {
        List<Row> dev = ClusteringEvaluation.split(ROWS, "dev");
        List<Row> test = ClusteringEvaluation.split(ROWS, "test");

        assertThat(dev).doesNotContainAnyElementsOf(test);
        assertThat(dev.size() + test.size()).isEqualTo(ROWS.size());
        assertThat(dev.size()).isBetween(400, 600);
    }

    @Test
    void aRowIsInTheSameHalfWhateverTheOrderOfTheFile() {
        List<Row> shuffled = new ArrayList<>(ROWS);
        Collections.shuffle(shuffled, new java.util.Random(7));

        assertThat(ClusteringEvaluation.split(shuffled, "test"))
                .containsExactlyInAnyOrderElementsOf(ClusteringEvaluation.split(ROWS, "test"));
    }

    @Test
    void rowsWithoutAnIdAreSplitByTheirText() {
        List<Row> withoutIds = ROWS.stream()
                .map(row -> new Row(null, row.text(), row.label(), null, null))
                .toList();

        assertThat(ClusteringEvaluation.split(withoutIds, "dev")).isNotEmpty();
        assertThat(ClusteringEvaluation.split(withoutIds, "test")).isNotEmpty();
        assertThat(ClusteringEvaluation.split(withoutIds, "dev"))
                .doesNotContainAnyElementsOf(ClusteringEvaluation.split(withoutIds, "test"));
    }
}
