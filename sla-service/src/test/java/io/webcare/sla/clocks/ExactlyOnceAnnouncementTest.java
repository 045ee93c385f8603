package io.webcare.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.SlaBreached;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each threshold is announced once, even when several schedulers (instances) race for the same due clocks after a
 * downtime: time jumps two hours at once (as if the service had been down), and four extra schedulers run beside the
 * service's own.
 */
@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class ExactlyOnceAnnouncementTest {
    @Inject
    TestClock clock;

    @Inject
    DueClockScheduler scheduler;

    @Inject
    EntityManager em;

    @AfterEach
    void timeRunsNormallyAgain() {
        clock.reset();
    }

    long clocksOf(Set<UUID> cases) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(c) from CaseClock c where c.id.caseId in :ids")
                        .setParameter("ids", cases)
                        .getSingleResult());
    }

    @Test
    void afterADowntimeRacingSchedulersAnnounceEveryWarningAndBreachExactlyOnce() throws Exception {
        String team = "race-" + UUID.randomUUID().toString().substring(0, 8);
        int caseCount = 150;
        List<CaseOpened> cases = new ArrayList<>();
        for (int i = 0; i < caseCount; i++) {
            CaseOpened opened = CaseEvents.opened(team, Channel.X, Instant.now());
            cases.add(opened);
            CaseEvents.publish(EventType.CASE_OPENED, opened.caseId(), opened);
        }
        Set<UUID> ids = cases.stream().map(CaseOpened::caseId).collect(Collectors.toSet());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> clocksOf(ids) == 2L * caseCount);

        // Two hours and a bit pass at once: per case the first-response warning (45 min), breach (1 h) and level 2
        // (2 h) are due; resolution (warning at 18 h) is not.
        clock.advance(Duration.ofMinutes(125));
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(() -> {
                    int total = 0;
                    for (int n = scheduler.fireDueBatch(); n > 0; n = scheduler.fireDueBatch()) {
                        total += n;
                    }
                    return total;
                });
            }
            for (Future<Integer> f : racers.invokeAll(rounds)) {
                f.get();
            }
        } finally {
            racers.shutdown();
        }

        try (var sla = EventCapture.of(Topics.SLA)) {
            List<CapturedEvent<SlaBreached>> breaches = sla.awaitCount(
                    EventType.SLA_BREACHED,
                    (SlaBreached b) -> ids.contains(b.caseId()),
                    2 * caseCount,
                    Duration.ofSeconds(60));
            List<CapturedEvent<SlaWarning>> warnings = sla.allAfter(
                    Duration.ofSeconds(3), EventType.SLA_WARNING, (SlaWarning w) -> ids.contains(w.caseId()));
            breaches = sla.allAfter(Duration.ZERO, EventType.SLA_BREACHED, (SlaBreached b) -> ids.contains(b.caseId()));

            assertThat(warnings).hasSize(caseCount);
            assertThat(warnings).allSatisfy(w -> assertThat(w.payload().clock()).isEqualTo(SlaClock.FIRST_RESPONSE));
            assertThat(warnings.stream().map(w -> w.payload().caseId()).collect(Collectors.toSet()))
                    .isEqualTo(ids);
            assertThat(breaches).hasSize(2 * caseCount);
            Map<UUID, List<Integer>> levels = breaches.stream()
                    .collect(Collectors.groupingBy(
                            b -> b.payload().caseId(),
                            Collectors.mapping(b -> b.payload().escalationLevel(), Collectors.toList())));
            assertThat(levels).hasSize(caseCount);
            assertThat(levels.values()).allSatisfy(l -> assertThat(l).containsExactlyInAnyOrder(1, 2));
        }
    }
}
