package io.webcare.cases.replycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {
    private final ReplyCheck check = new ReplyCheck(
            Map.of(
                    "other-channel", Severity.BLOCKING,
                    "personal-data", Severity.BLOCKING,
                    "length-limit", Severity.BLOCKING,
                    "empty-promise", Severity.WARNING),
            Map.of(Channel.X, 280, Channel.INSTAGRAM, 1000),
            3,
            "NL");

    private List<Finding> findings(String text) {
        return check.check(new Draft(text, Channel.X, Visibility.PUBLIC, List.of()));
    }

    private List<String> rules(String text) {
        return findings(text).stream().map(Finding::rule).toList();
    }

    @Test
    void aHelpfulReplyPasses() {
        assertThat(findings("Hoi Marieke, de storing in Utrecht is om 14:00 opgelost. Werkt het weer bij je?"))
                .isEmpty();
        assertThat(findings("Hi Jan, we refunded the second charge today; you will see it within 3 days."))
                .isEmpty();
    }

    @Nested
    class OtherChannel {
        @Test
        void callingOrMailingUsIsFoundInDutchAndEnglish() {
            assertThat(findings("Bel ons even op werkdagen, dan helpen we je verder."))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("other-channel");
                        assertThat(f.words()).isEqualToIgnoringCase("bel ons");
                        assertThat(f.severity()).isEqualTo(Severity.BLOCKING);
                    });
            assertThat(rules("Please call our customer service about this.")).containsExactly("other-channel");
            assertThat(rules("Kun je het contactformulier invullen?")).containsExactly("other-channel");
            assertThat(rules("Please fill in the form on our website")).contains("other-channel");
            assertThat(rules("Stuur ons een e-mail met je gegevens.")).containsExactly("other-channel");
        }

        @Test
        void anotherNetworkIsAnotherChannelButAPrivateMessageInTheSameNetworkIsFine() {
            assertThat(findings("Stuur ons een DM met je postcode, dan kijken we om 10:00 met je mee."))
                    .isEmpty();
            assertThat(findings("Send us a private message so we can check your connection today."))
                    .isEmpty();
            assertThat(findings("Stuur ons een bericht via WhatsApp."))
                    .extracting(Finding::rule, Finding::words)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("other-channel", "via WhatsApp"));
            assertThat(check.check(new Draft(
                            "Stuur ons een bericht via WhatsApp.", Channel.WHATSAPP, Visibility.PRIVATE, List.of())))
                    .isEmpty();
        }
    }

    @Nested
    class EmptyPromise {
        @Test
        void aPromiseWithoutANextStepIsFound() {
            assertThat(findings("Ik geef het door aan de collega's."))
                    .extracting(Finding::rule, Finding::words, Finding::severity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("empty-promise", "Ik geef het door", Severity.WARNING));
            assertThat(rules("Thanks, we'll look into it.")).containsExactly("empty-promise");
            assertThat(rules("We gaan ernaar kijken!")).containsExactly("empty-promise");
            assertThat(rules("Dank je, dan kijken we ernaar.")).containsExactly("empty-promise");
        }

        @Test
        void aPromiseWithAConcreteNextStepIsFine() {
            assertThat(findings("Ik geef het door aan de monteur; hij belt je morgen voor 12:00 terug."))
                    .isEmpty();
            assertThat(findings("We'll look into it and report back within 2 hours."))
                    .isEmpty();
            assertThat(findings("We kijken ernaar, je hoort vrijdag van ons.")).isEmpty();
        }
    }

    @Nested
    class BlamingColleagues {
        @Test
        void blamingAColleagueOrDepartmentIsFound() {
            assertThat(rules("Dat is de schuld van de andere afdeling.")).contains("blaming-colleagues");
            assertThat(findings("Het hoofdkantoor beslist dat, niet wij."))
                    .extracting(Finding::words)
                    .containsExactly("Het hoofdkantoor");
            assertThat(rules("My colleague made a mistake with your bill, fixed now."))
                    .containsExactly("blaming-colleagues");
            assertThat(rules("Mijn collega heeft het helaas verkeerd ingevoerd."))
                    .containsExactly("blaming-colleagues");
            assertThat(rules("That is not my department.")).containsExactly("blaming-colleagues");
        }

        @Test
        void speakingAsWeIsFine() {
            assertThat(findings("We hebben een fout gemaakt in je factuur en die vandaag hersteld."))
                    .isEmpty();
        }
    }

    @Nested
    class Condescension {
        @Test
        void talkingDownIsFoundInDutchAndEnglish() {
            assertThat(findings("You could have read that on our website."))
                    .extracting(Finding::rule, Finding::words)
                    .contains(org.assertj.core.groups.Tuple.tuple("condescension", "You could have read"));
            assertThat(rules("Alle andere klanten lukt het wel.")).containsExactly("condescension");
            assertThat(rules("Zoals ik al zei: herstart de modem.")).containsExactly("condescension");
            assertThat(rules("All other customers managed to install it.")).containsExactly("condescension");
            assertThat(rules("Dat had je kunnen lezen in de mail.")).containsExactly("condescension");
        }
    }

    @Nested
    class RepeatedEmpathy {
        private final String draft = "Wat vervelend! We sturen vandaag een nieuwe router.";

        @Test
        void thePhraseTheAgentUsedInMostRecentRepliesIsFound() {
            List<String> recent = List.of(
                    "Wat vervelend, we lossen het op.",
                    "Hoi, wat vervelend dat je geen internet hebt.",
                    "Dank voor je geduld!",
                    "Wat vervelend om te horen.");
            assertThat(check.check(new Draft(draft, Channel.X, Visibility.PUBLIC, recent)))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.rule()).isEqualTo("repeated-empathy");
                        assertThat(f.words()).isEqualTo("Wat vervelend");
                        assertThat(f.message()).contains("3 of your last 4");
                    });
        }

        @Test
        void aPhraseUsedInFewRecentRepliesOrWithTooFewRepliesIsFine() {
            List<String> varied =
                    List.of("Sorry for the inconvenience.", "Wat vervelend.", "Dat is balen.", "Thanks for waiting!");
            assertThat(check.check(new Draft(draft, Channel.X, Visibility.PUBLIC, varied)))
                    .isEmpty();
            List<String> few = List.of("Wat vervelend.", "Wat vervelend!");
            assertThat(check.check(new Draft(draft, Channel.X, Visibility.PUBLIC, few)))
                    .isEmpty();
        }

        @Test
        void englishEmpathyPhrasesCountToo() {
            List<String> recent =
                    List.of("Sorry for the inconvenience, fixed.", "Sorry for any inconvenience!", "All good now.");
            assertThat(check.check(new Draft(
                            "Sorry for the inconvenience; your refund is sent today.",
                            Channel.X,
                            Visibility.PUBLIC,
                            recent)))
                    .extracting(Finding::rule)
                    .containsExactly("repeated-empathy");
        }
    }

    @Nested
    class PersonalData {
        @Test
        void anIbanInAPublicReplyIsFound() {
            assertThat(findings("We storten het terug op NL91 ABNA 0417 1643 00 vandaag."))
                    .extracting(Finding::rule, Finding::words)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("personal-data", "NL91 ABNA 0417 1643 00"));
        }

        @Test
        void anIbanWithWrongCheckDigitsIsNotMistakenForOne() {
            assertThat(rules("Code NL92 ABNA 0417 1643 00 klopt niet")).doesNotContain("personal-data");
        }

        @Test
        void phoneNumbersOrderNumbersAndAddressesInAPublicReplyAreFound() {
            assertThat(findings("We bellen je vandaag op 06 12345678."))
                    .extracting(Finding::rule, Finding::words)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("personal-data", "06 12345678"));
            assertThat(findings("Your order number 4711-88231 ships today."))
                    .extracting(Finding::rule)
                    .containsExactly("personal-data");
            assertThat(findings("De monteur komt vandaag naar Kerkstraat 12, 3511 AB Utrecht."))
                    .extracting(Finding::words)
                    .containsExactlyInAnyOrder("3511 AB", "Kerkstraat 12");
            assertThat(findings("We mailen je vandaag op jan@example.nl."))
                    .extracting(Finding::words)
                    .containsExactly("jan@example.nl");
        }

        @Test
        void theSameDataInAPrivateMessageIsFine() {
            assertThat(check.check(new Draft(
                            "We storten het vandaag terug op NL91 ABNA 0417 1643 00, order 4711-88231.",
                            Channel.X,
                            Visibility.PRIVATE,
                            List.of())))
                    .isEmpty();
        }

        @Test
        void pricesDatesAndDurationsAreNotPersonalData() {
            assertThat(findings(
                            "Je krijgt vandaag 89,95 euro terug; binnen 3 dagen op je rekening, uiterlijk 12-12-2026."))
                    .isEmpty();
        }
    }

    @Nested
    class LengthLimit {
        @Test
        void aReplyLongerThanTheChannelAllowsIsFound() {
            String text = "Vandaag opgelost. " + "a".repeat(300);
            assertThat(findings(text)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("length-limit");
                assertThat(f.words()).isEqualTo("318 characters");
                assertThat(f.message()).contains("280");
            });
            assertThat(check.check(new Draft(text, Channel.INSTAGRAM, Visibility.PUBLIC, List.of())))
                    .isEmpty();
            assertThat(check.check(new Draft(text, Channel.EMAIL, Visibility.PRIVATE, List.of())))
                    .isEmpty();
        }

        @Test
        void emojiCountAsOneCharacter() {
            assertThat(findings("😀".repeat(280))).isEmpty();
        }
    }

    @Test
    void aRuleSwitchedOffFindsNothingAndUnconfiguredRulesWarn() {
        var lenient = new ReplyCheck(Map.of("other-channel", Severity.OFF), Map.of(), 3, "NL");
        assertThat(lenient.check(new Draft("Bel ons even.", Channel.X, Visibility.PUBLIC, List.of())))
                .isEmpty();
        assertThat(lenient.check(new Draft("Het hoofdkantoor beslist.", Channel.X, Visibility.PUBLIC, List.of())))
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void blockingFindingsComeFirst() {
        assertThat(findings("We'll look into it. Bel ons."))
                .extracting(Finding::rule)
                .containsExactly("other-channel", "empty-promise");
    }

    @Test
    void anUnknownRuleInTheConfigurationIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplyCheck(Map.of("be-nice", Severity.BLOCKING), Map.of(), 3, "NL"))
                .withMessageContaining("be-nice");
    }
}
