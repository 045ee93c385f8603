package io.webcare.deploy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** How the load test turns raw records into "case opened" and "clocks started" for a message. */
class LoadObservationTest {

    private final LoadTest.Observed observed = new LoadTest.Observed();

    @Test
    void caseOpenedIsMatchedOnFirstMessageIdAndClocksOnTheCaseId() {
        observed.accept(event(
                StackEvent.CASES_TOPIC, StackEvent.CASE_OPENED, "{\"caseId\":\"c1\",\"firstMessageId\":\"m1\"}", 100));
        observed.accept(event(
                StackEvent.SLA_TOPIC,
                StackEvent.CLOCK_STARTED,
                "{\"caseId\":\"c1\",\"clock\":\"first-response\"}",
                150));

        assertThat(observed.caseFor("m1").caseId()).isEqualTo("c1");
        assertThat(observed.caseFor("m1").nanos()).isEqualTo(100);
        assertThat(observed.clocksCompleteNanos("m1"))
                .as("resolution clock still missing")
                .isNull();

        observed.accept(event(
                StackEvent.SLA_TOPIC, StackEvent.CLOCK_STARTED, "{\"caseId\":\"c1\",\"clock\":\"resolution\"}", 180));

        assertThat(observed.clocksCompleteNanos("m1")).isEqualTo(180);
    }

    @Test
    void redeliveredEventsKeepTheFirstArrivalAndOtherTypesAreIgnored() {
        observed.accept(event(
                StackEvent.CASES_TOPIC, StackEvent.CASE_OPENED, "{\"caseId\":\"c1\",\"firstMessageId\":\"m1\"}", 100));
        observed.accept(event(
                StackEvent.CASES_TOPIC, StackEvent.CASE_OPENED, "{\"caseId\":\"c1\",\"firstMessageId\":\"m1\"}", 900));
        observed.accept(event(
                StackEvent.CASES_TOPIC,
                "webcare.case.assigned.v1",
                "{\"caseId\":\"c2\",\"firstMessageId\":\"m2\"}",
                120));

        assertThat(observed.caseFor("m1").nanos()).isEqualTo(100);
        assertThat(observed.caseFor("m2")).isNull();
    }

    @Test
    void cloudEventsTypeComesFromTheBinaryModeHeader() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                StackEvent.CASES_TOPIC, 3, 42L, "c1", "{\"caseId\":\"c1\",\"team\":\"complaints\"}");
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", StackEvent.CASE_OPENED.getBytes(StandardCharsets.UTF_8));

        StackEvent event = EventTap.toEvent(record, 7);

        assertThat(event.type()).isEqualTo(StackEvent.CASE_OPENED);
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.key()).isEqualTo("c1");
        assertThat(event.text("team")).isEqualTo("complaints");
        assertThat(event.text("missing")).isNull();
        assertThat(event.receivedNanos()).isEqualTo(7);
    }

    @Test
    void recordThatIsNotJsonIsKeptAsTextInsteadOfStoppingTheTap() {
        StackEvent event = EventTap.toEvent(new ConsumerRecord<>(StackEvent.SLA_TOPIC, 0, 1L, "k", "not json{"), 1);

        assertThat(event.type()).isNull();
        assertThat(event.payload().asText()).isEqualTo("not json{");
    }

    @Test
    void figuresJoinSendTimesWithArrivalsAndCountWhatNeverCame() {
        // m1: case after 50 ns, clocks after 80; m2: case only; index 2 refused (no messageId).
        observed.accept(event(
                StackEvent.CASES_TOPIC,
                StackEvent.CASE_OPENED,
                "{\"caseId\":\"c1\",\"firstMessageId\":\"m1\"}",
                1_000_050));
        observed.accept(event(
                StackEvent.SLA_TOPIC,
                StackEvent.CLOCK_STARTED,
                "{\"caseId\":\"c1\",\"clock\":\"first-response\"}",
                1_000_070));
        observed.accept(event(
                StackEvent.SLA_TOPIC,
                StackEvent.CLOCK_STARTED,
                "{\"caseId\":\"c1\",\"clock\":\"resolution\"}",
                1_000_080));
        observed.accept(event(
                StackEvent.CASES_TOPIC,
                StackEvent.CASE_OPENED,
                "{\"caseId\":\"c2\",\"firstMessageId\":\"m2\"}",
                3_000_000));
        LoadTest.Sending sending = new LoadTest.Sending(
                1_000_000,
                1_500_000,
                new long[] {1_000_000, 1_000_000, 1_000_000},
                new String[] {"m1", "m2", null},
                0,
                1,
                java.util.List.of());

        LoadTest.Result result = LoadTest.measure(sending, observed);

        assertThat(result.sent()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.caseOpened().count()).isEqualTo(2);
        assertThat(result.caseOpenedMissing()).isZero();
        assertThat(result.clocksStarted().count()).isEqualTo(1);
        assertThat(result.clocksMissing()).isEqualTo(1);
        assertThat(result.allArrived()).isFalse();
        assertThat(result.endToEndWindow().toNanos()).isEqualTo(2_000_000);
        assertThat(result.sendWindow().toNanos()).isEqualTo(500_000);
    }

    @Test
    void errorSampleNamesTheRootCauseEvenWithoutAMessage() {
        Throwable refused = new java.util.concurrent.CompletionException(new java.net.ConnectException());
        Throwable refusedByIngest = new java.util.concurrent.CompletionException(
                new StackClient.StackException("ingest POST /api/v1/messages answered HTTP 503: {}"));

        assertThat(LoadTest.describe(refused)).isEqualTo("ConnectException");
        assertThat(LoadTest.describe(refusedByIngest))
                .isEqualTo("StackException: ingest POST /api/v1/messages answered HTTP 503: {}");
    }

    private static StackEvent event(String topic, String type, String json, long nanos) {
        try {
            return new StackEvent(topic, "id-" + nanos, type, null, Json.MAPPER.readTree(json), nanos);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
