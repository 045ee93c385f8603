package io.webcare.feedback.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintTextTest {
    private final ComplaintText text = new ComplaintText();

    private List<String> stems(String s, String language) {
        return text.terms(s, language).stream().map(ComplaintText.Term::stem).toList();
    }

    private List<String> words(String s, String language) {
        return text.terms(s, language).stream().map(ComplaintText.Term::word).toList();
    }

    @Test
    void urlsMentionsAndNumbersCarryNoProblem() {
        assertThat(words("@KPN 3 dagen geen internet https://t.co/abc123 www.kpn.com/storing", "nl"))
                .containsExactly("dagen", "internet");
    }

    @Test
    void englishFunctionWordsAreNotTermsSoALabelShowsTheProblem() {
        assertThat(words("I have been waiting very long, they do nothing about my lost bag", "en"))
                .containsExactly("waiting", "long", "nothing", "lost", "bag");
    }

    @Test
    void aHashtagIsReadAsItsWords() {
        assertThat(words("#InternetStoring in #Utrecht", "nl")).containsExactly("internet", "storing", "utrecht");
    }

    @Test
    void dutchInflectionsShareAStem() {
        assertThat(stems("storingen", "nl")).isEqualTo(stems("storing", "nl"));
        assertThat(stems("facturen", "nl")).isEqualTo(stems("factuur", "nl"));
    }

    @Test
    void englishInflectionsShareAStem() {
        assertThat(stems("cancelled flights", "en")).isEqualTo(stems("cancel flight", "en"));
    }

    @Test
    void stretchedLettersAndAccentsAreNormalised() {
        assertThat(words("sooooo sloooow, café", "en")).containsExactly("soo", "sloow", "cafe");
    }

    @Test
    void stopWordsOfBothLanguagesAreDropped() {
        assertThat(words("the internet is niet goed and de wifi ook niet", null))
                .containsExactly("internet", "goed", "wifi");
    }

    @Test
    void theLanguageIsGuessedWhenRoutingDidNotSay() {
        assertThat(ComplaintText.looksDutch("ik heb al weer geen internet")).isTrue();
        assertThat(ComplaintText.looksDutch("my internet is down again")).isFalse();
    }
}
