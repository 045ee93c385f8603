package io.webcare.contract;

import io.webcare.contract.events.CaseAssigned;
import io.webcare.contract.events.CaseClosed;
import io.webcare.contract.events.CaseEscalated;
import io.webcare.contract.events.CaseMerged;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseReplied;
import io.webcare.contract.events.CaseReplyFailed;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseSatisfactionRecorded;
import io.webcare.contract.events.CaseTransferred;
import io.webcare.contract.events.CaseWaiting;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.IncidentDetected;
import io.webcare.contract.events.IssueCasesLinked;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.IssueStatusChanged;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClockPaused;
import io.webcare.contract.events.SlaClockResumed;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.SlaClockStopped;
import io.webcare.contract.events.SlaWarning;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type on the wire: its versioned CloudEvents type, the topic it travels on, the record that carries it
 * and the JSON Schema analysts read. Schema changes are additive; a breaking change is a new version (a new constant).
 */
public enum EventType {
    MESSAGE_RECEIVED("webcare.message.received.v1", Topics.MESSAGES_INBOUND, InboundMessage.class),
    MESSAGE_ROUTED("webcare.message.routed.v1", Topics.MESSAGES_ROUTED, MessageRouted.class),
    CASE_OPENED("webcare.case.opened.v1", Topics.CASES, CaseOpened.class),
    CASE_MESSAGE_ADDED("webcare.case.message-added.v1", Topics.CASES, CaseMessageAdded.class),
    CASE_ASSIGNED("webcare.case.assigned.v1", Topics.CASES, CaseAssigned.class),
    CASE_TRANSFERRED("webcare.case.transferred.v1", Topics.CASES, CaseTransferred.class),
    CASE_REPLIED("webcare.case.replied.v1", Topics.CASES, CaseReplied.class),
    CASE_REPLY_FAILED("webcare.case.reply-failed.v1", Topics.CASES, CaseReplyFailed.class),
    CASE_WAITING("webcare.case.waiting.v1", Topics.CASES, CaseWaiting.class),
    CASE_RESOLVED("webcare.case.resolved.v1", Topics.CASES, CaseResolved.class),
    CASE_REOPENED("webcare.case.reopened.v1", Topics.CASES, CaseReopened.class),
    CASE_CLOSED("webcare.case.closed.v1", Topics.CASES, CaseClosed.class),
    CASE_ESCALATED("webcare.case.escalated.v1", Topics.CASES, CaseEscalated.class),
    CASE_MERGED("webcare.case.merged.v1", Topics.CASES, CaseMerged.class),
    CASE_SATISFACTION_RECORDED("webcare.case.satisfaction-recorded.v1", Topics.CASES, CaseSatisfactionRecorded.class),
    SLA_CLOCK_STARTED("webcare.sla.clock-started.v1", Topics.SLA, SlaClockStarted.class),
    SLA_WARNING("webcare.sla.warning.v1", Topics.SLA, SlaWarning.class),
    SLA_BREACHED("webcare.sla.breached.v1", Topics.SLA, SlaBreached.class),
    SLA_CLOCK_STOPPED("webcare.sla.clock-stopped.v1", Topics.SLA, SlaClockStopped.class),
    SLA_CLOCK_PAUSED("webcare.sla.paused.v1", Topics.SLA, SlaClockPaused.class),
    SLA_CLOCK_RESUMED("webcare.sla.resumed.v1", Topics.SLA, SlaClockResumed.class),
    FEEDBACK_ISSUE_DETECTED("webcare.feedback.issue-detected.v1", Topics.FEEDBACK, IssueDetected.class),
    FEEDBACK_ISSUE_CASES_LINKED("webcare.feedback.issue-cases-linked.v1", Topics.FEEDBACK, IssueCasesLinked.class),
    FEEDBACK_ISSUE_STATUS_CHANGED(
            "webcare.feedback.issue-status-changed.v1", Topics.FEEDBACK, IssueStatusChanged.class),
    FEEDBACK_ISSUE_RESOLVED("webcare.feedback.issue-resolved.v1", Topics.FEEDBACK, IssueResolved.class),
    FEEDBACK_INCIDENT_DETECTED("webcare.feedback.incident-detected.v1", Topics.FEEDBACK, IncidentDetected.class),
    REPLY_REQUESTED("webcare.reply.requested.v1", Topics.REPLIES_OUTBOUND, ReplyRequested.class),
    REPLY_DELIVERED("webcare.reply.delivered.v1", Topics.REPLIES_DELIVERY, ReplyDelivered.class),
    REPLY_FAILED("webcare.reply.failed.v1", Topics.REPLIES_DELIVERY, ReplyFailed.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String ceType, String topic, Class<? extends Record> payloadType) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema, e.g. {@code schemas/webcare.case.opened.v1.schema.json}. */
    public String schemaResource() {
        return "schemas/" + ceType + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
