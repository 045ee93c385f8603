package io.webcare.feedback.complaints;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.webcare.feedback.FeedbackConfig;
import io.webcare.feedback.grouping.Complaint;
import io.webcare.feedback.grouping.ComplaintGrouper;
import io.webcare.feedback.grouping.GroupingSettings;
import io.webcare.feedback.incidents.SpikeDetector;
import io.webcare.feedback.issues.IssueRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The in-memory grouping and spike state, rebuilt on start from the stored complaints: every complaint received
 * within the groups' idle expiry (and every complaint of an open issue) is put back into the group it was assigned
 * to, so group ids, issues and their centroids survive a restart; the spike counters are refilled from the last
 * hours. Consumers wait for the rebuild: it runs when the bean is first created.
 */
@ApplicationScoped
public class GroupingState {
    private static final Logger LOG = Logger.getLogger(GroupingState.class);
    private static final int PAGE = 2_000;

    private final StoredComplaintRepository complaints;
    private final IssueRepository issues;
    private final FeedbackConfig config;
    private final Clock clock;
    private volatile ComplaintGrouper grouper;
    private volatile SpikeDetector spikes;

    public GroupingState(
            StoredComplaintRepository complaints, IssueRepository issues, FeedbackConfig config, Clock clock) {
        this.complaints = complaints;
        this.issues = issues;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        grouper(); // build now rather than on the first complaint
    }

    @PostConstruct
    void rebuild() {
        var g = config.grouping();
        grouper = new ComplaintGrouper(GroupingSettings.defaults()
                .withSimilarity(g.similarity())
                .withMeaningWeight(g.meaningWeight())
                .withMeaningSimilarity(g.meaningSimilarity())
                .withMaxGroups(g.maxGroups())
                .withIdleExpiry(g.idleExpiry()));
        var s = config.spike();
        spikes = new SpikeDetector(s.bucket(), s.window(), s.minCount(), s.factor(), s.baselineWeight());
        Instant now = Instant.now(clock);
        Instant horizon = now.minus(g.idleExpiry());
        Instant spikeHorizon = now.minus(s.window().multipliedBy(36));
        long started = System.nanoTime();
        int restored = QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> pinned = issues.openIssues().stream().map(i -> i.groupId).collect(Collectors.toSet());
            int n = 0;
            for (UUID groupId : pinned) {
                for (StoredComplaint c : complaints.inGroupSince(groupId, Instant.EPOCH)) {
                    if (c.receivedAt.isBefore(horizon)) {
                        grouper.restore(c.groupId, toComplaint(c));
                        n++;
                    }
                }
            }
            for (int page = 0; ; page++) {
                List<StoredComplaint> batch = complaints.since(horizon, page, PAGE);
                for (StoredComplaint c : batch) {
                    grouper.restore(c.groupId, toComplaint(c));
                    if (!c.receivedAt.isBefore(spikeHorizon)) {
                        topicsOf(c.topicList()).forEach(topic -> spikes.add(topic, c.receivedAt));
                    }
                }
                n += batch.size();
                complaints.getEntityManager().clear();
                if (batch.size() < PAGE) {
                    break;
                }
            }
            pinned.forEach(groupId -> grouper.pin(groupId, true));
            return n;
        });
        LOG.infof(
                "Grouping rebuilt from %d stored complaints into %d groups in %d ms",
                restored, grouper.size(), (System.nanoTime() - started) / 1_000_000);
    }

    public ComplaintGrouper grouper() {
        return grouper;
    }

    public SpikeDetector spikes() {
        return spikes;
    }

    static Complaint toComplaint(StoredComplaint c) {
        return new Complaint(c.messageId, c.text, c.language, c.topicList(), c.receivedAt);
    }

    /** The topics a complaint is counted under for spikes: routing's, or "general" when it found none. */
    public static List<String> topicsOf(List<String> topics) {
        return topics.isEmpty() ? List.of(ComplaintHandler.NO_TOPIC) : topics;
    }
}
