package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoMessagesTest {

    private final List<DemoMessage> script = DemoMessages.load();

    @Test
    void scriptHasDutchAndEnglishAndEveryIntent() {
        assertThat(script).hasSizeGreaterThanOrEqualTo(15);
        assertThat(script)
                .extracting(DemoMessage::language)
                .contains("nl", "en")
                .allMatch(Set.of("nl", "en")::contains);
        assertThat(script)
                .extracting(DemoMessage::intent)
                .containsAll(List.of("complaint", "question", "compliment", "rant", "spam"));
    }

    @Test
    void everyMessageIsValidForIngest() {
        assertThat(script).allSatisfy(m -> {
            assertThat(m.id()).isNotBlank();
            assertThat(m.channel()).isIn("x", "facebook", "instagram", "whatsapp", "phone", "email");
            assertThat(m.visibility()).isIn("public", "private");
            assertThat(m.author().handle()).isNotBlank();
            assertThat(m.author().followers()).isNotNull().isNotNegative();
            assertThat(m.text()).isNotBlank().hasSizeLessThan(300);
        });
        assertThat(script).extracting(DemoMessage::id).doesNotHaveDuplicates();
        assertThat(script).extracting(DemoMessage::text).doesNotHaveDuplicates();
    }

    @Test
    void scriptCoversTheSituationsThatDecideRoutingAndPriority() {
        assertThat(script).anySatisfy(m -> assertThat(m.tags()).contains("outage"));
        assertThat(script).anySatisfy(m -> assertThat(m.tags()).contains("billing"));
        assertThat(script).anySatisfy(m -> assertThat(m.tags()).contains("delivery"));
        assertThat(script).anySatisfy(m -> assertThat(m.text()).containsIgnoringCase("ik wil opzeggen"));
        assertThat(script).anySatisfy(m -> {
            assertThat(m.author().followers()).isGreaterThanOrEqualTo(40_000);
            assertThat(m.visibility()).isEqualTo("public");
            assertThat(m.intent()).isEqualTo("complaint");
        });
        assertThat(script).anySatisfy(m -> {
            assertThat(m.hasTag("press")).isTrue();
            assertThat(m.author().verified()).isTrue();
        });
        assertThat(script).anySatisfy(m -> {
            assertThat(m.channel()).isEqualTo("whatsapp");
            assertThat(m.visibility()).isEqualTo("private");
        });
        assertThat(script).filteredOn(m -> m.intent().equals("rant")).allSatisfy(m -> assertThat(m.text())
                .doesNotContain("?"));
        assertThat(script).filteredOn(m -> m.intent().equals("spam")).allMatch(m -> !m.expectsCase());
    }

    @Test
    void returningCustomerWroteEarlierInTheScript() {
        Map<String, List<Integer>> positionsByAuthor = script.stream()
                .collect(Collectors.groupingBy(
                        m -> m.author().id(), Collectors.mapping(script::indexOf, Collectors.toList())));
        DemoMessage returning = script.stream()
                .filter(m -> m.hasTag("returning-customer"))
                .findFirst()
                .orElseThrow();

        assertThat(positionsByAuthor.get(returning.author().id()))
                .hasSize(2)
                .first()
                .satisfies(first -> assertThat(first).isLessThan(script.indexOf(returning)));
    }

    @Test
    void eachRunGetsExternalIdsOfItsOwn() {
        List<DemoFeed.Planned> first = DemoFeed.plan(script, 45, "run1");
        List<DemoFeed.Planned> second = DemoFeed.plan(script, 45, "run2");

        assertThat(first).extracting(DemoFeed.Planned::externalId).doesNotHaveDuplicates();
        assertThat(first)
                .extracting(DemoFeed.Planned::externalId)
                .doesNotContainAnyElementsOf(
                        second.stream().map(DemoFeed.Planned::externalId).toList());
        assertThat(first.get(script.size()).message()).isEqualTo(script.getFirst()); // repeats past the script
        assertThat(DemoFeed.runId()).isNotEqualTo(DemoFeed.runId());
    }

    @Test
    void loadMessagesAllNeedAnAnswerAndOpenTheirOwnConversation() {
        List<IngestMessage> messages = LoadTest.messages(50, "r1");

        assertThat(messages).hasSize(50);
        assertThat(messages).extracting(IngestMessage::externalId).doesNotHaveDuplicates();
        assertThat(messages).extracting(m -> m.author().id()).doesNotHaveDuplicates();
        assertThat(messages).allSatisfy(m -> assertThat(m.accountId()).isEqualTo("acme"));
        Set<String> answerable = script.stream()
                .filter(m -> Set.of("complaint", "question").contains(m.intent()))
                .map(DemoMessage::text)
                .collect(Collectors.toSet());
        assertThat(messages).extracting(IngestMessage::text).allMatch(answerable::contains);
    }
}
