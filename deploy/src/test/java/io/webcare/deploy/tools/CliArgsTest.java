package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    @Test
    void readsPositionalArgumentsAndBothOptionSpellings() {
        CliArgs cli = CliArgs.parse(
                List.of("500", "--rate", "50.5", "--concurrency=4"), CliArgs.names("rate", "concurrency", "timeout"));

        assertThat(cli.positional()).containsExactly("500");
        assertThat(cli.doubleOption("rate", 0)).isEqualTo(50.5);
        assertThat(cli.intOption("concurrency", 8)).isEqualTo(4);
        assertThat(cli.intOption("timeout", 60)).isEqualTo(60);
        assertThat(cli.has("timeout")).isFalse();
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndNonNumbers() {
        assertThatThrownBy(() -> CliArgs.parse(List.of("--speed", "3"), CliArgs.names("rate")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--speed");
        assertThatThrownBy(() -> CliArgs.parse(List.of("--rate"), CliArgs.names("rate")))
                .hasMessageContaining("needs a value");
        CliArgs cli = CliArgs.parse(List.of("--rate", "fast"), CliArgs.names("rate"));
        assertThatThrownBy(() -> cli.intOption("rate", 1)).hasMessageContaining("whole number");
    }
}
