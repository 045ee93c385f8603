package io.webcare.feedback.incidents;

import io.webcare.contract.EventType;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.FeedbackSample;
import io.webcare.contract.events.IncidentDetected;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.transactions.AfterCommit;
import io.webcare.feedback.FeedbackConfig;
import io.webcare.feedback.complaints.GroupingState;
import io.webcare.feedback.complaints.StoredComplaint;
import io.webcare.feedback.complaints.StoredComplaintRepository;
import io.webcare.feedback.webhook.WebhookNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces a spike once: the first complaint that lifts a topic's window above its threshold opens an incident and
 * publishes {@code IncidentDetected}; while the incident is open (the rise lasts, plus a cool-down), complaints about
 * the topic and their cases are linked to it instead of opening another.
 */
@ApplicationScoped
public class IncidentService {
    private static final int SAMPLES = 3;

    private final IncidentRepository incidents;
    private final StoredComplaintRepository complaints;
    private final GroupingState state;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final WebhookNotifier webhook;
    private final FeedbackConfig config;
    private final Clock clock;

    public IncidentService(
            IncidentRepository incidents,
            StoredComplaintRepository complaints,
            GroupingState state,
            Outbox outbox,
            AfterCommit afterCommit,
            WebhookNotifier webhook,
            FeedbackConfig config,
            Clock clock) {
        this.incidents = incidents;
        this.complaints = complaints;
        this.state = state;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.webhook = webhook;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complaintStored(StoredComplaint complaint) {
        for (String topic : GroupingState.topicsOf(complaint.topicList())) {
            Instant at = complaint.receivedAt;
            SpikeDetector.Observation observation = state.spikes().peek(topic, at);
            afterCommit.run(() -> state.spikes().add(topic, at));
            Optional<Incident> open =
                    incidents.openFor(topic, at.minus(config.spike().cooldown()));
            if (open.isPresent()) {
                Incident incident = open.get();
                if (observation.spike()) {
                    incident.lastAboveAt = at.isAfter(incident.lastAboveAt) ? at : incident.lastAboveAt;
                    incident.complaints = Math.max(incident.complaints, observation.count());
                }
                attach(incident, complaint);
            } else if (observation.spike()) {
                open(observation, complaint);
            }
        }
    }

    /** A complaint's case became known after it was stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void caseKnown(StoredComplaint complaint) {
        if (complaint.incidentId != null && complaint.caseId != null) {
            incidents.link(complaint.incidentId, complaint.caseId);
        }
    }

    private void attach(Incident incident, StoredComplaint complaint) {
        if (complaint.incidentId == null) {
            complaint.incidentId = incident.id;
        }
        if (complaint.caseId != null) {
            incidents.link(incident.id, complaint.caseId);
        }
    }

    private void open(SpikeDetector.Observation observation, StoredComplaint trigger) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.topic = observation.topic();
        incident.complaints = observation.count();
        incident.baseline = observation.baseline();
        incident.rise = observation.rise();
        incident.windowStart = observation.windowStart();
        incident.windowEnd = observation.windowEnd();
        incident.detectedAt = Instant.now(clock);
        incident.lastAboveAt = trigger.receivedAt;
        incidents.persist(incident);
        List<StoredComplaint> inWindow = complaints.aboutTopic(
                observation.topic(), observation.windowStart(), observation.windowEnd(), Integer.MAX_VALUE);
        for (StoredComplaint c : inWindow) {
            attach(incident, c);
        }
        // The contract's samples name their case: complaints whose case is not known yet cannot be samples.
        List<FeedbackSample> samples = inWindow.stream()
                .filter(c -> c.caseId != null)
                .limit(SAMPLES)
                .map(c -> new FeedbackSample(c.messageId, c.caseId, Channel.valueOf(c.channel), c.text))
                .toList();
        publish(
                EventType.FEEDBACK_INCIDENT_DETECTED,
                incident.id.toString(),
                new IncidentDetected(
                        incident.id,
                        incident.topic,
                        incident.complaints,
                        incident.baseline,
                        incident.rise,
                        incident.windowStart,
                        incident.windowEnd,
                        samples,
                        incident.detectedAt));
    }

    /** The event goes out through the outbox and, if one is configured, to the webhook: both in this transaction. */
    private void publish(EventType type, String key, Record payload) {
        outbox.publish(type, key, payload);
        webhook.notify(type, payload);
    }
}
