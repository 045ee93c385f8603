package io.webcare.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static List<String> texts(String message) {
        return Tokenizer.tokenize(message).stream()
                .map(t -> t.kind() + ":" + t.text())
                .toList();
    }

    @Test
    void linksAreDroppedAndMentionsKeptApart() {
        assertThat(texts("@United see https://t.co/x1 and www.united.com now"))
                .containsExactly("MENTION:@united", "WORD:see", "WORD:and", "WORD:now");
    }

    @Test
    void hashtagsAreSplitIntoTheirWords() {
        assertThat(texts("#NoInternet #internet_storing #Covid19"))
                .containsExactly("WORD:no", "WORD:internet", "WORD:internet", "WORD:storing", "WORD:covid", "WORD:19");
    }

    @Test
    void emoticonsCountOnlyOutsideWords() {
        assertThat(texts("great :-) <3 xD but 8)"))
                .containsExactly("WORD:great", "EMOJI::-)", "EMOJI:<3", "EMOJI:xD", "WORD:but", "EMOJI:8)");
        assertThat(texts("xDrive c:d")).containsExactly("WORD:xdrive", "WORD:c", "BREAK:.", "WORD:d");
    }

    @Test
    void wordsKeepTheirApostrophesAndEmojiStandAlone() {
        assertThat(texts("Don’t cancel it's 😍")).containsExactly("WORD:don't", "WORD:cancel", "WORD:it's", "EMOJI:😍");
    }

    @Test
    void punctuationMarksQuestionsExclamationsAndClauseBreaks() {
        assertThat(texts("late again?! no - really... ok"))
                .containsExactly(
                        "WORD:late",
                        "WORD:again",
                        "QUESTION_MARK:?",
                        "EXCLAMATION:!",
                        "WORD:no",
                        "BREAK:.",
                        "WORD:really",
                        "BREAK:.",
                        "WORD:ok");
    }

    @Test
    void capitalsInAMessageThatIsNotAllCapitalsAreShouting() {
        assertThat(Tokenizer.tokenize("this is NOT ok").get(2).shouting()).isTrue();
        assertThat(Tokenizer.tokenize("THIS IS NOT OK").get(2).shouting()).isFalse();
    }

    @Test
    void htmlEscapedTextIsReadAsWritten() {
        assertThat(texts("Q&amp;A &lt;3")).containsExactly("WORD:q", "WORD:a", "EMOJI:<3");
    }
}
