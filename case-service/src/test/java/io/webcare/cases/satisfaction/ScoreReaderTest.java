package io.webcare.cases.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreReaderTest {

    @ParameterizedTest(name = "csat: \"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5|5",
                "4/5|4",
                "4 / 5|4",
                "4 out of 5|4",
                "4 van de 5|4",
                "4 uit 5|4",
                "3 op 5|3",
                "⭐⭐⭐⭐|4",
                "★★★★★|5",
                "⭐️⭐️⭐️|3",
                "5️⃣|5",
                "5!|5",
                "Een 4.|4",
                "I'd give it a 4|4",
                "I’d give you a 5, thanks!|5",
                "ik geef jullie een 5|5",
                "Vier|4",
                "5 sterren, bedankt!|5",
                "  2  |2",
                "1 🙁|1",
                "4/5 top service|4",
                "５|5"
            })
    void aCsatAnswerIsReadAsItsScore(String text, int score) {
        assertThat(ScoreReader.read(text, "csat")).hasValue(score);
    }

    @ParameterizedTest(name = "nps: \"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "8 out of 10|8",
                "10!|10",
                "een 8|8",
                "Een dikke 8!|8",
                "cijfer 9|9",
                "9/10 thanks|9",
                "0|0",
                "7 uit 10|7",
                "10 van de 10, dank je wel|10",
                "Tien|10"
            })
    void anNpsAnswerIsReadAsItsScore(String text, int score) {
        assertThat(ScoreReader.read(text, "nps")).hasValue(score);
    }

    @ParameterizedTest(name = "csat: \"{0}\" is no score")
    @ValueSource(
            strings = {
                "still broken",
                "Het werkt nog steeds niet",
                "2 days and still no refund",
                "5 minutes later it broke again",
                "why did it take 3 weeks?",
                "not a 5",
                "8", // beyond the 1-5 that was asked
                "8 out of 10", // another scale than asked: not guessed
                "0",
                "4/5 but my invoice is still wrong",
                "3 4",
                "7.5",
                "thanks!",
                "⭐⭐⭐⭐ 5",
                "⭐⭐⭐⭐⭐⭐",
                "Ik heb ordernummer 12 nog steeds niet ontvangen, wanneer komt het?",
                ""
            })
    void aMessageThatIsMoreOrOtherThanACsatScoreIsNoScore(String text) {
        assertThat(ScoreReader.read(text, "csat")).isEmpty();
    }

    @ParameterizedTest(name = "nps: \"{0}\" is no score")
    @ValueSource(strings = {"11", "4/5", "⭐⭐⭐⭐", "8,5", "nog steeds kapot", "10 maar de app crasht weer"})
    void aMessageThatIsMoreOrOtherThanAnNpsScoreIsNoScore(String text) {
        assertThat(ScoreReader.read(text, "nps")).isEmpty();
    }
}
