package io.webcare.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaWarning;
import io.webcare.sla.support.CaseEvents;
import io.webcare.sla.support.TestClock;
import io.webcare.testsupport.CapturedEvent;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A clock whose data is broken must not silence every other clock: the scheduler holds it with the reason and goes on,
 * and announces it once the cause is gone. Clocks stored before policies were versioned count by the default policy.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class HeldClockTest {
    @Inject
    TestClock clock;

    @Inject
    DueClockScheduler scheduler;

    @Inject
    ClockRecords records;

    @Inject
    EntityManager em;

    @AfterEach
    void timeRunsNormallyAgain() {
        clock.reset();
    }

    @Test
    void aClockWithABrokenPolicyReferenceIsHeldWhileTheOthersAreAnnouncedAndIsAnnouncedOnceRepaired() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        CaseOpened healthy = open("healthy-" + suffix);
        CaseOpened broken = open("broken-" + suffix);
        CaseOpened legacy = open("legacy-" + suffix);
        // Data the service cannot count by: a policy version that was never stored. And a clock from before policies
        // were versioned: version 1 of a team nobody has configured.
        setFirstResponsePolicy(broken.caseId(), "broken-" + suffix, 99);
        setFirstResponsePolicy(legacy.caseId(), "never-configured-" + suffix, 1);

        clock.advance(Duration.ofMinutes(50)); // the first-response warnings (at 45 min) are due
        announceEverythingDue();

        try (var sla = EventCapture.of(Topics.SLA)) {
            sla.awaitCount(
                    EventType.SLA_WARNING,
                    (SlaWarning w) -> w.caseId().equals(healthy.caseId()),
                    1,
                    Duration.ofSeconds(30));
            sla.awaitCount(
                    EventType.SLA_WARNING,
                    (SlaWarning w) -> w.caseId().equals(legacy.caseId()),
                    1,
                    Duration.ofSeconds(30));
            assertThat(sla.allAfter(Duration.ofSeconds(2), EventType.SLA_WARNING, (SlaWarning w) -> w.caseId()
                            .equals(broken.caseId())))
                    .isEmpty();
        }
        CaseClock held = firstResponse(broken.caseId());
        assertThat(held.heldUntil).isAfter(Instant.now(clock));
        assertThat(held.heldReason).contains("no policy version 99");
        assertThat(QuarkusTransaction.requiringNew().call(() -> records.auditOf(broken.caseId())))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("held"));

        // An operator repairs the row; once the hold ends the warning goes out, once, with its original due time.
        setFirstResponsePolicy(broken.caseId(), "broken-" + suffix, 1);
        clock.advance(Duration.ofMinutes(2));
        announceEverythingDue();

        try (var sla = EventCapture.of(Topics.SLA)) {
            List<CapturedEvent<SlaWarning>> warnings = sla.awaitCount(
                    EventType.SLA_WARNING,
                    (SlaWarning w) -> w.caseId().equals(broken.caseId()),
                    1,
                    Duration.ofSeconds(30));
            warnings = sla.allAfter(Duration.ofSeconds(2), EventType.SLA_WARNING, (SlaWarning w) -> w.caseId()
                    .equals(broken.caseId()));
            assertThat(warnings).hasSize(1);
            assertThat(warnings.getFirst().payload().warnAt())
                    .isEqualTo(broken.openedAt().plus(Duration.ofMinutes(45)));
        }
        assertThat(firstResponse(broken.caseId()).heldUntil).isNull();
    }

    private CaseOpened open(String team) {
        CaseOpened opened = CaseEvents.opened(team, Channel.X, Instant.now(clock));
        CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> firstResponse(opened.caseId()) != null);
        return opened;
    }

    private void announceEverythingDue() {
        while (scheduler.fireDueBatch() > 0) {
            // next batch
        }
    }

    private CaseClock firstResponse(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseClock c = em.find(CaseClock.class, new ClockId(caseId, SlaClock.FIRST_RESPONSE));
            if (c != null) {
                em.detach(c);
            }
            return c;
        });
    }

    private void setFirstResponsePolicy(UUID caseId, String policyTeam, int version) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update sla_clock set policy_team = ?1, policy_version = ?2"
                                + " where case_id = ?3 and clock = 'FIRST_RESPONSE'")
                        .setParameter(1, policyTeam)
                        .setParameter(2, version)
                        .setParameter(3, caseId)
                        .executeUpdate());
    }
}
