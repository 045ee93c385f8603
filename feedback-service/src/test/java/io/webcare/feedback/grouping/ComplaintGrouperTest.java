package io.webcare.feedback.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComplaintGrouperTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final ComplaintGrouper grouper = new ComplaintGrouper(GroupingSettings.defaults());
    private int seconds;

    private GroupSnapshot add(String text, String language, String... topics) {
        return grouper.group(grouper.add(
                        new Complaint(UUID.randomUUID(), text, language, List.of(topics), T0.plusSeconds(seconds++))))
                .orElseThrow();
    }

    @Test
    void dutchComplaintsAboutOneOutageJoinOneGroupAndABillingComplaintDoesNot() {
        UUID outage =
                add("Al drie dagen geen internet in Utrecht, storing!", "nl").id();

        assertThat(add("Internet storing in Utrecht sinds gisteren #kpn", "nl").id())
                .isEqualTo(outage);
        assertThat(add("@kpn weer storingen in utrecht, geen internet", "nl").id())
                .isEqualTo(outage);
        assertThat(add("#InternetStoring #Utrecht echt belachelijk", "nl").id()).isEqualTo(outage);
        assertThat(add("Mijn factuur is veel te hoog deze maand", "nl").id()).isNotEqualTo(outage);
    }

    @Test
    void englishSpellingVariantsAndUrlsJoinTheSameGroup() {
        UUID cancelled = add("My flight to Boston was cancelled and nobody told me", "en")
                .id();

        assertThat(add("flight to boston canceled!!! nobody told us https://t.co/x1", "en")
                        .id())
                .isEqualTo(cancelled);
        assertThat(add("Cancelled flight to Boston, nobody tells anything", "en")
                        .id())
                .isEqualTo(cancelled);
    }

    /** Other airline complaints first, so that "flight" is a common word, as it is in a real stream. */
    private static final List<String> OTHER_FLIGHT_COMPLAINTS = List.of(
            "Flight to Chicago cancelled, rebooked for tomorrow",
            "Flight to Denver cancelled again",
            "Rude gate agent at the Dallas flight",
            "Seat was broken on my flight to Miami",
            "Flight to Seattle overbooked, I was bumped",
            "No wifi on my flight to Atlanta");

    @Test
    void complaintsAboutALostBagMissingLuggageAndAGoneSuitcaseJoinOneGroupWhileADelayedFlightDoesNot() {
        OTHER_FLIGHT_COMPLAINTS.forEach(text -> add(text, "en"));
        UUID lostBag = add("My bag was lost on my flight to Boston", "en").id();
        assertThat(add("Lost bag after my flight from Boston, nobody at the baggage desk", "en")
                        .id())
                .isEqualTo(lostBag);
        UUID delayed = add("My flight to Boston was delayed for hours", "en").id();
        assertThat(add("Boston flight delayed again, three hours late", "en").id())
                .isEqualTo(delayed)
                .isNotEqualTo(lostBag);

        // "flight" and "Boston" are all these share with either group: the meaning of their other words decides.
        assertThat(add("Luggage missing after my flight to Boston", "en").id()).isEqualTo(lostBag);
        assertThat(add("Boston flight, my suitcase is gone", "en").id()).isEqualTo(lostBag);
        assertThat(add("Still waiting at the gate, my Boston flight is two hours late", "en")
                        .id())
                .isEqualTo(delayed);
    }

    @Test
    void byTheirWordsAloneMissingLuggageAndAGoneSuitcaseWouldEachStartAGroupOfTheirOwn() {
        var lexical = new ComplaintGrouper(GroupingSettings.defaults().withMeaningWeight(0));
        List<String> texts = new ArrayList<>(OTHER_FLIGHT_COMPLAINTS);
        texts.addAll(List.of(
                "My bag was lost on my flight to Boston",
                "Lost bag after my flight from Boston, nobody at the baggage desk",
                "My flight to Boston was delayed for hours",
                "Boston flight delayed again, three hours late"));
        for (String text : texts) {
            lexical.add(new Complaint(UUID.randomUUID(), text, "en", List.of(), T0.plusSeconds(seconds++)));
        }
        int groups = lexical.size();

        lexical.add(new Complaint(
                UUID.randomUUID(), "Luggage missing after my flight to Boston", "en", List.of(), T0.plusSeconds(60)));
        lexical.add(new Complaint(
                UUID.randomUUID(), "Boston flight, my suitcase is gone", "en", List.of(), T0.plusSeconds(61)));

        assertThat(lexical.size()).isEqualTo(groups + 2);
    }

    @Test
    void aLongComplaintFindsTheGroupOfItsProblemEvenWhenItsOtherWordsAreRarer() {
        for (int n = 0; n < 300; n++) {
            add(word(3 * n) + " " + word(3 * n + 1) + " " + word(3 * n + 2), "nl"); // other problems
        }
        UUID outage = add("Storing internet Utrecht, al de hele dag", "nl").id();
        add("internet storing in utrecht?", "nl");
        add("Weer een storing in Utrecht, geen internet", "nl");

        // Its eleven other words were never seen before, so they weigh more than the three it shares with the group.
        assertThat(add(
                                "Sinds vanmorgen storing internet Utrecht: thuiswerken onmogelijk, vergadering gemist,"
                                        + " kinderen zeuren, buurman ook, modemlampje knippert oranje",
                                "nl")
                        .id())
                .isEqualTo(outage);
    }

    @Test
    void complaintsWithDifferentTopicsStayApartEvenWithTheSameWords() {
        UUID internet =
                add("geen verbinding sinds vanochtend", "nl", "internet").id();

        assertThat(add("geen verbinding sinds vanochtend", "nl", "billing").id())
                .isNotEqualTo(internet);
        assertThat(add("geen verbinding sinds vanochtend", "nl", "internet").id())
                .isEqualTo(internet);
    }

    @Test
    void aGroupIsLabelledWithItsCharacteristicWordsAndKeepsRepresentativeMessages() {
        add("Al drie dagen geen internet in Utrecht, storing!", "nl");
        add("Internet storing in Utrecht sinds gisteren", "nl");
        GroupSnapshot group = add("weer een storing, geen internet in utrecht", "nl");

        assertThat(group.size()).isEqualTo(3);
        assertThat(group.terms()).contains("internet", "utrecht");
        assertThat(group.label()).contains("internet");
        assertThat(group.sampleMessageIds()).hasSize(3);
    }

    @Test
    void proposingChangesNothingUntilApplied() {
        Complaint first = new Complaint(UUID.randomUUID(), "pakket niet bezorgd", "nl", List.of(), T0);
        Assignment assignment = grouper.propose(first);

        assertThat(assignment.newGroup()).isTrue();
        assertThat(grouper.size()).isZero();
        grouper.apply(assignment);
        assertThat(grouper.group(assignment.groupId()))
                .get()
                .extracting(GroupSnapshot::size)
                .isEqualTo(1);
    }

    @Test
    void idleGroupsExpireButAPinnedOneStays() {
        UUID idle = add("pakket niet bezorgd in Amsterdam", "nl").id();
        UUID pinned = add("factuur dubbel afgeschreven", "nl").id();
        grouper.pin(pinned, true);

        grouper.expire(T0.plus(Duration.ofDays(15)));

        assertThat(grouper.group(idle)).isEmpty();
        assertThat(grouper.group(pinned)).isPresent();
        assertThat(add("pakket niet bezorgd in Amsterdam", "nl").id()).isNotEqualTo(idle);
    }

    @Test
    void theNumberOfGroupsIsBoundedAndTheLeastRecentlyJoinedGoFirst() {
        var small = new ComplaintGrouper(GroupingSettings.defaults().withMaxGroups(100));
        UUID first = null;
        for (int i = 0; i < 300; i++) {
            UUID id = small.add(new Complaint(
                    UUID.randomUUID(),
                    "probleem" + word(i) + " " + word(i * 7 + 1),
                    "nl",
                    List.of(),
                    T0.plusSeconds(i)));
            if (i == 0) {
                first = id;
            }
        }
        assertThat(small.size()).isLessThanOrEqualTo(100);
        assertThat(small.group(first)).isEmpty();
    }

    @Test
    void aRestoredComplaintReturnsToItsStoredGroup() {
        UUID stored = UUID.randomUUID();
        grouper.restore(stored, new Complaint(UUID.randomUUID(), "geen bereik in Zwolle", "nl", List.of(), T0));
        grouper.restore(stored, new Complaint(UUID.randomUUID(), "bereik weg in Zwolle", "nl", List.of(), T0));

        assertThat(grouper.group(stored)).get().extracting(GroupSnapshot::size).isEqualTo(2);
        assertThat(add("Zwolle heeft geen bereik", "nl").id()).isEqualTo(stored);
    }

    /** A made-up word per number, so that every complaint is about something else. */
    static String word(int n) {
        StringBuilder s = new StringBuilder();
        String letters = "bdfgklmnprstvz";
        String vowels = "aeiou";
        int x = n + 1;
        while (x > 0) {
            s.append(letters.charAt(x % letters.length())).append(vowels.charAt((x / 3) % vowels.length()));
            x /= letters.length();
        }
        return s.toString();
    }
}
