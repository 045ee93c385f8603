package io.webcare.feedback.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.webcare.contract.EventType;
import io.webcare.contract.Topics;
import io.webcare.contract.events.IssueCasesLinked;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.events.MessageRouted;
import io.webcare.feedback.Complaints;
import io.webcare.feedback.grouping.GroupSnapshot;
import io.webcare.testsupport.EventCapture;
import io.webcare.testsupport.WebcareTestInfrastructure;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WebcareTestInfrastructure.class)
class GroupRebuildTest {
    @Inject
    GroupingState state;

    @Inject
    jakarta.persistence.EntityManager em;

    private static MessageRouted complaint(String a, String b, int i) {
        String[] phrasings = {"Geen %s %s sinds vanochtend", "%s %s werkt niet", "al dagen %s %s stuk"};
        return Complaints.complaint(phrasings[i % 3].formatted(a, b), "nl", List.of("internet"));
    }

    @Test
    void groupsAreRebuiltFromStoredComplaintsAndLaterComplaintsStillJoinTheirIssue() {
        String a = Complaints.uniqueWord();
        String b = Complaints.uniqueWord();
        try (EventCapture feedback = EventCapture.of(Topics.FEEDBACK)) {
            for (int i = 0; i < 5; i++) {
                Complaints.publish(complaint(a, b, i));
            }
            IssueDetected issue = feedback.<IssueDetected>await(
                            EventType.FEEDBACK_ISSUE_DETECTED, d -> d.terms().contains(a))
                    .payload();
            assertThat(issue.productArea()).isEqualTo("network");
            UUID groupId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> (UUID) em.createNativeQuery("select group_id from issue where id = :i", UUID.class)
                            .setParameter("i", issue.issueId())
                            .getSingleResult());

            state.rebuild(); // what a restart does: the in-memory groups are built anew from the database

            assertThat(state.grouper().group(groupId))
                    .get()
                    .extracting(GroupSnapshot::size)
                    .isEqualTo(5);
            MessageRouted later = complaint(a, b, 1);
            Complaints.openCase(later);
            Complaints.publish(later);
            IssueCasesLinked linked = feedback.<IssueCasesLinked>await(
                            EventType.FEEDBACK_ISSUE_CASES_LINKED,
                            l -> l.issueId().equals(issue.issueId()))
                    .payload();
            assertThat(linked.complaintCount()).isEqualTo(6);
        }
    }
}
