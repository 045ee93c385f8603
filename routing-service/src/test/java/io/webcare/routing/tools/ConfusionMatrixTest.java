package io.webcare.routing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void precisionRecallF1AndAccuracyFollowTheirDefinitions() {
        var m = new ConfusionMatrix();
        // gold negative: 3 right, 1 read as positive; gold positive: 1 right, 1 read as negative
        m.add("negative", "negative");
        m.add("negative", "negative");
        m.add("negative", "negative");
        m.add("negative", "positive");
        m.add("positive", "positive");
        m.add("positive", "negative");

        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(m.precision("negative")).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(m.recall("negative")).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(m.precision("positive")).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(m.recall("positive")).isCloseTo(1.0 / 2, within(1e-9));
        assertThat(m.macroF1()).isCloseTo((0.75 + 0.5) / 2, within(1e-9));
        assertThat(m.report()).contains("accuracy=0.667").contains("macro-F1=0.625");
    }

    @Test
    void aClassOnlyEverPredictedDoesNotCountInMacroF1() {
        var m = new ConfusionMatrix();
        m.add("question", "question");
        m.add("question", "complaint");
        assertThat(m.goldClasses()).containsExactly("question");
        assertThat(m.macroF1()).isCloseTo(m.f1("question"), within(1e-9));
    }

    @Test
    void theDevSplitIsDeterministicAndDisjointFromTest() {
        String text = "@united my bag is lost";
        boolean dev = Evaluate.inSplit(text, "dev", 30);
        assertThat(Evaluate.inSplit(text, "dev", 30)).isEqualTo(dev);
        assertThat(Evaluate.inSplit(text, "test", 30)).isEqualTo(!dev);
        assertThat(Evaluate.inSplit(text, "all", 30)).isTrue();
    }
}
