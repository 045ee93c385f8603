package io.webcare.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstCutAnalyserTest {
    private final FirstCutAnalyser analyser = new FirstCutAnalyser();

    private static InboundMessage message(String text) {
        UUID id = UUID.randomUUID();
        return new InboundMessage(
                id,
                "k",
                Channel.X,
                "acme",
                "e",
                null,
                Visibility.PUBLIC,
                new Author(null, "@a", null, 5, false),
                text,
                List.of(),
                Instant.now(),
                Instant.now(),
                null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Sinds gisteren ligt de tv eruit in heel Hengelo, wanneer is dit opgelost? | COMPLAINT | nl",
                "You charged me twice this month and still no refund, please sort it out | COMPLAINT | en",
                "Ik wil opzeggen, al weken traag internet | COMPLAINT | nl",
                "Hoe kan ik mijn adres wijzigen in de app? | QUESTION | nl",
                "Thanks for the quick help with my router yesterday, great service | COMPLIMENT | en",
                "Slechtste bedrijf ooit. Nooit meer. | RANT | nl",
                "Earn 5000 a week from home, no experience needed, DM us now | SPAM | en"
            })
    void recognisesTheIntentAndLanguageOfTypicalMessages(String text, Intent intent, String language) {
        var analysis = analyser.analyse(message(text));
        assertThat(analysis.intent()).isEqualTo(intent);
        assertThat(analysis.language()).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Storing in Utrecht, geen internet sinds vanochtend | outage",
                "Ik ga overstappen naar een andere provider | churn",
                "Journalist here, can we get a comment for tomorrow's paper? | press"
            })
    void picksUpUrgencySignals(String text, String signal) {
        assertThat(analyser.analyse(message(text)).signals()).contains(signal);
    }
}
