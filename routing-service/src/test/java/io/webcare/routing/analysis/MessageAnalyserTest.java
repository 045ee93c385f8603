package io.webcare.routing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.webcare.contract.events.Intent;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageAnalyserTest {
    private static final MessageAnalyser ANALYSER = new MessageAnalyser(AnalysisSettings.fromClasspath());

    private static MessageAnalysis analyse(String text) {
        return ANALYSER.analyse(text, new Reach(5, false, true));
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
                "You are the worst company in the world, pathetic | RANT | en",
                "Earn 5000 a week from home, no experience needed, DM us now | SPAM | en",
                "Top geholpen door jullie medewerker, dank je wel! | COMPLIMENT | nl",
                "When does the new 5G plan become available? | QUESTION | en"
            })
    void recognisesTheIntentAndLanguageOfTypicalMessages(String text, Intent intent, String language) {
        MessageAnalysis analysis = analyse(text);
        assertThat(analysis.intent()).isEqualTo(intent);
        assertThat(analysis.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Storing in Utrecht, geen internet sinds vanochtend | outage",
                "#internetstoring al de hele dag | outage",
                "Ik ga overstappen naar een andere provider | churn",
                "I'm cancelling my subscription tomorrow | churn",
                "Journalist here, can we get a comment for tomorrow's paper? | press",
                "Er hangt een gaslucht bij de meterkast na jullie monteur | safety",
                "Is dit een datalek? Ik zie gegevens van een andere klant | privacy",
                "My lawyer will hear about this | privacy"
            })
    void picksUpUrgencySignals(String text, String signal) {
        assertThat(analyse(text).signals()).contains(signal);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Mijn facturen kloppen niet | billing",
                "Waarom is mijn #Internetverbinding zo traag | internet",
                "The parcels never arrived | delivery",
                "Ik kan niet inloggen in de app | account"
            })
    void findsTopicsThroughInflectionHashtagsAndCompounds(String text, String topic) {
        assertThat(analyse(text).topics()).contains(topic);
    }

    @Test
    void dutchNegationTurnsAPositiveWordNegative() {
        assertThat(analyse("Dit is leuk").sentiment().score()).isPositive();
        var negated = analyse("Dit is niet leuk").sentiment();
        assertThat(negated.score()).isNegative();
        assertThat(negated.label()).isEqualTo("negative");
        assertThat(negated.drivers()).contains("niet leuk");
    }

    @Test
    void englishNegationTurnsAPositiveWordNegative() {
        var sentiment = analyse("I am not happy with this at all").sentiment();
        assertThat(sentiment.label()).isEqualTo("negative");
        assertThat(sentiment.drivers()).contains("not happy");
    }

    @Test
    void intensifiersStrengthenTheScore() {
        double plain = analyse("The service was good").sentiment().score();
        double intensified = analyse("The service was very good").sentiment().score();
        assertThat(intensified).isGreaterThan(plain);
        assertThat(analyse("Het was erg slecht").sentiment().score())
                .isLessThan(analyse("Het was slecht").sentiment().score());
    }

    @Test
    void emojiCarrySentiment() {
        assertThat(analyse("Weer geen bereik 😡😡").sentiment().label()).isEqualTo("negative");
        assertThat(analyse("Gelukt hoor 👍😍").sentiment().label()).isEqualTo("positive");
    }

    @Test
    void anotherBrandBeingRubbishWhileWeAreGreatIsPositiveAboutUs() {
        var sentiment = analyse("@OtherTelco is rubbish, @acme is great").sentiment();
        assertThat(sentiment.label()).isEqualTo("positive");
        assertThat(sentiment.drivers()).anyMatch(d -> d.contains("rubbish (about @othertelco)"));
    }

    @Test
    void anotherBrandDoingBetterIsNegativeAboutUs() {
        assertThat(analyse("@acme jullie zijn traag. @concurrent is echt geweldig")
                        .sentiment()
                        .label())
                .isEqualTo("negative");
    }

    @Test
    void whatFollowsButOutweighsWhatPrecedesIt() {
        assertThat(analyse("The app looks nice but it crashes all the time and it is useless")
                        .sentiment()
                        .label())
                .isEqualTo("negative");
        assertThat(analyse("Het duurde lang, maar uiteindelijk super geholpen")
                        .sentiment()
                        .label())
                .isEqualTo("positive");
    }

    @Test
    void mentionsLinksAndEmojiDoNotDecideTheLanguage() {
        assertThat(analyse("@acme_nl https://t.co/xyz 😡 waarom werkt mijn modem niet meer")
                        .language())
                .isEqualTo("nl");
        assertThat(analyse("@acme_nl https://t.co/xyz why does my modem not work anymore")
                        .language())
                .isEqualTo("en");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // One function word of only one language decides a short text (Lingua read these as Dutch).
                "@united is the worst | en",
                "@united thx for update | en",
                // "was" is Dutch too: alone it decides nothing.
                "Alles was hen teveel. | nl",
                "Ontbijtbuffet was tip top in orde. | nl"
            })
    void aShortTextIsReadInTheLanguageOfItsFunctionWords(String text, String language) {
        assertThat(analyse(text).language()).isEqualTo(language);
    }

    @Test
    void aTextWithoutWordsFallsBackToTheHomeLanguageAndIsNoise() {
        var analysis = analyse("@acme https://t.co/abc");
        assertThat(analysis.language()).isEqualTo("nl");
        assertThat(analysis.intent()).isEqualTo(Intent.SPAM);
    }

    @Test
    void reachIsPassedThrough() {
        var analysis = ANALYSER.analyse("Hallo", new Reach(40_000, true, false));
        assertThat(analysis.reach()).isEqualTo(new Reach(40_000, true, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Service failures are negative without any evaluative word.
                "Flight delayed 3 hours and still no update | negative",
                "Wacht al een uur in de wachtrij | negative",
                "Al twee keer afgeschreven en nog geen reactie | negative",
                "I have been on hold for 40 minutes and they hung up on me | negative",
                // A question without a complaint is neutral; thanks closing a question is politeness, not praise.
                "Can you tell me when check-in opens? | neutral",
                "Could you check my booking please? Thanks! | neutral",
                "Hoe laat gaat de winkel open? | neutral",
                // Sarcasm and praise beside a failure do not outweigh the failure.
                "Great, another delay. Thanks for nothing | negative",
                "Love you guys but my bag is lost again | negative",
                "Lekker dan, weer eens geen internet | negative",
                // Praise stays praise, also after a problem that was solved.
                "Thanks for the quick help, great service | positive",
                "Flight was delayed but the crew was amazing and kept us informed | positive",
                // A handle further on in a sentence is not what the sentence is about.
                "I missed the whole game on @NHL because my flight was delayed | negative"
            })
    void readsCustomerServiceMessagesTheWayAnAgentWould(String text, String label) {
        assertThat(analyse(text).sentiment().label()).isEqualTo(label);
    }

    @Test
    void theWordsThatDroveTheLabelComeFirst() {
        var sentiment = analyse("Great, another delay. Thanks for nothing").sentiment();
        assertThat(sentiment.drivers()).startsWith("thanks for nothing", "delay");
        assertThat(analyse("Flight delayed 3 hours and still no update")
                        .sentiment()
                        .drivers())
                .contains("delayed", "still no");
    }

    @Test
    void wordsNoCuratedLexiconListsAreScoredThroughTheirWordVectors() {
        // "mishandling" and "negligence" are in neither VADER, Pattern nor Webcare's list: glove-en.tsv derives them.
        var sentiment = analyse("The mishandling of my file was negligence").sentiment();
        assertThat(sentiment.label()).isEqualTo("negative");
        assertThat(sentiment.drivers()).contains("mishandling", "negligence");
    }

    @Test
    void englishWordsAreNotReadAsInflectedDutchWords() {
        // "were" is not Dutch "weer" (again), "made" not "mad": a plain English report has no sentiment.
        assertThat(analyse("We were made to board at gate 12").sentiment().label())
                .isEqualTo("neutral");
    }

    @Test
    void scoreStaysWithinMinusOneAndOne() {
        var sentiment = analyse("WORST WORST WORST terrible awful horrible disgusting!!! 😡😡😡🤬")
                .sentiment();
        assertThat(sentiment.score()).isBetween(-1.0, 0.0);
    }
}
