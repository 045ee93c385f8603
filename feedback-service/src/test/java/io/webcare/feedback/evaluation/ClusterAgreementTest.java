package io.webcare.feedback.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAgreementTest {

    @Test
    void identicalPartitionsUnderOtherNamesAgreePerfectly() {
        var agreement = ClusterAgreement.of(List.of("a", "a", "b", "b", "c"), List.of(7, 7, 3, 3, 9));

        assertThat(agreement.adjustedRand()).isCloseTo(1.0, within(1e-12));
        assertThat(agreement.nmi()).isCloseTo(1.0, within(1e-12));
        assertThat(agreement.purity()).isEqualTo(1.0);
        assertThat(agreement.clusters()).isEqualTo(3);
    }

    @Test
    void matchesReferenceFiguresOfAKnownExample() {
        // labels [0,0,0,1,1,1] vs clusters [0,0,1,1,2,2]: worked out by hand with the definitions scikit-learn uses:
        // ARI 0.24242..., NMI 0.51580...
        var agreement = ClusterAgreement.of(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2));

        assertThat(agreement.adjustedRand()).isCloseTo(0.242424, within(1e-5));
        assertThat(agreement.nmi()).isCloseTo(0.515804, within(1e-5));
        assertThat(agreement.purity()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void singletonsArePureButCarryNoAgreement() {
        var agreement = ClusterAgreement.of(List.of("a", "a", "b", "b"), List.of(1, 2, 3, 4));

        assertThat(agreement.purity()).isEqualTo(1.0);
        assertThat(agreement.adjustedRand()).isCloseTo(0.0, within(1e-12));
    }
}
