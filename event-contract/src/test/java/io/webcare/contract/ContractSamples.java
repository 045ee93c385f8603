package io.webcare.contract;

import io.webcare.contract.events.Author;
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
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.FeedbackSample;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.IncidentDetected;
import io.webcare.contract.events.Intent;
import io.webcare.contract.events.IssueCasesLinked;
import io.webcare.contract.events.IssueDetected;
import io.webcare.contract.events.IssueResolved;
import io.webcare.contract.events.IssueStatusChanged;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.MessageAnalysis;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.events.Reach;
import io.webcare.contract.events.ReplyDelivered;
import io.webcare.contract.events.ReplyFailed;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.RoutingDecision;
import io.webcare.contract.events.Sentiment;
import io.webcare.contract.events.SlaBreached;
import io.webcare.contract.events.SlaClock;
import io.webcare.contract.events.SlaClockPaused;
import io.webcare.contract.events.SlaClockResumed;
import io.webcare.contract.events.SlaClockStarted;
import io.webcare.contract.events.SlaClockStopped;
import io.webcare.contract.events.SlaWarning;
import io.webcare.contract.events.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Realistic payloads of every event type: one with every field filled, one with every nullable field null. The switch
 * is exhaustive, so a new {@link EventType} does not compile until it has samples here.
 */
final class ContractSamples {
    private static final UUID CASE_ID = UUID.fromString("6f1c2a52-4d1e-4b7a-9d0e-2f5b8c3a1e77");
    private static final UUID MESSAGE_ID = UUID.fromString("0b8e5d1a-9c3f-4e2b-8a71-5d6c4f3e2a10");
    private static final Instant SENT = Instant.parse("2025-03-14T09:41:07Z");
    private static final Instant RECEIVED = Instant.parse("2025-03-14T09:41:09.123456Z");
    private static final String CONVERSATION_KEY = "x:1899045124712345678";
    private static final UUID REPLY_ID = UUID.fromString("9d4b7e21-5c3a-4f8e-a6b2-1e7c0d9f3a58");
    private static final Instant REPLY_REQUESTED = Instant.parse("2025-03-14T10:05:12.031Z");
    private static final Instant REPLY_DELIVERED = Instant.parse("2025-03-14T10:05:13.480Z");
    private static final UUID ISSUE_ID = UUID.fromString("e3a1f5c7-2b8d-4e69-9f04-6c7d1a2b3e90");
    private static final List<UUID> ISSUE_CASES = List.of(
            UUID.fromString("1a7c3e5f-8b2d-4f61-a9e0-3c5b7d9f1e24"),
            UUID.fromString("4d6f8a0c-2e4b-4a7d-8c1f-6e8a0c2e4b69"),
            UUID.fromString("7f9b1d3e-5a7c-4e2f-b4d6-9a1c3e5f7b80"));

    private ContractSamples() {}

    static Record full(EventType type) {
        return switch (type) {
            case MESSAGE_RECEIVED -> inboundMessage(false);
            case MESSAGE_ROUTED -> messageRouted(false);
            case CASE_OPENED -> caseOpened(false);
            case CASE_MESSAGE_ADDED ->
                new CaseMessageAdded(
                        CASE_ID,
                        UUID.fromString("3c9a7b2e-1f4d-4c8e-b6a5-7e2d9f0c1b34"),
                        "complaints",
                        Instant.parse("2025-03-14T10:02:31Z"),
                        Instant.parse("2025-03-14T10:02:31.870Z"));
            case SLA_CLOCK_STARTED ->
                new SlaClockStarted(
                        CASE_ID,
                        SlaClock.FIRST_RESPONSE,
                        "complaints",
                        1,
                        3,
                        RECEIVED,
                        Instant.parse("2025-03-14T10:26:09.123456Z"),
                        Instant.parse("2025-03-14T10:41:09.123456Z"));
            case CASE_ASSIGNED ->
                new CaseAssigned(CASE_ID, "complaints", "carla", "cees", Instant.parse("2025-03-14T09:44:52.210Z"));
            case CASE_TRANSFERRED ->
                new CaseTransferred(
                        CASE_ID,
                        "complaints",
                        "webcare",
                        "cees",
                        "Storing is voorbij; klant vraagt alleen nog naar compensatie op de factuur.",
                        false,
                        Instant.parse("2025-03-14T13:02:44Z"));
            case CASE_REPLIED ->
                new CaseReplied(
                        CASE_ID,
                        REPLY_ID,
                        "complaints",
                        "carla",
                        Channel.X,
                        Visibility.PUBLIC,
                        true,
                        REPLY_REQUESTED,
                        REPLY_DELIVERED);
            case CASE_REPLY_FAILED ->
                new CaseReplyFailed(
                        UUID.fromString("c2e4a6b8-0d1f-4a3c-9e5b-7d9f1b3d5e60"),
                        UUID.fromString("f0a2c4e6-8b1d-4f3a-a5c7-e9b1d3f5a7c2"),
                        "webcare",
                        "wendy",
                        Channel.WHATSAPP,
                        "reply-window-closed",
                        Instant.parse("2025-03-14T16:20:03.118Z"));
            case CASE_WAITING -> new CaseWaiting(CASE_ID, "complaints", "carla", REPLY_DELIVERED);
            case CASE_RESOLVED ->
                new CaseResolved(CASE_ID, "complaints", "carla", "fixed", true, Instant.parse("2025-03-14T13:18:40Z"));
            case CASE_REOPENED -> caseReopened(false);
            case CASE_CLOSED ->
                new CaseClosed(CASE_ID, "complaints", "reopen-period-ended", Instant.parse("2025-03-21T13:18:40Z"));
            case CASE_ESCALATED ->
                new CaseEscalated(
                        CASE_ID,
                        "complaints",
                        1,
                        2,
                        "Klant (48k volgers) dreigt op te zeggen en tagt de pers; graag teamleider meekijken.",
                        "carla",
                        Instant.parse("2025-03-14T09:58:17Z"));
            case CASE_MERGED ->
                new CaseMerged(
                        UUID.fromString("8e0a2c4d-6f1b-4d3e-a5c7-9b1d3f5a7c90"),
                        CASE_ID,
                        "complaints",
                        "carla",
                        Instant.parse("2025-03-14T09:52:30.644Z"));
            case CASE_SATISFACTION_RECORDED ->
                new CaseSatisfactionRecorded(
                        CASE_ID, "complaints", "csat", 4, "customer-reply", Instant.parse("2025-03-14T15:02:11.907Z"));
            case SLA_WARNING ->
                new SlaWarning(
                        CASE_ID,
                        SlaClock.NEXT_RESPONSE,
                        "complaints",
                        1,
                        3,
                        75,
                        Instant.parse("2025-03-14T12:17:47Z"),
                        Instant.parse("2025-03-14T12:32:47Z"),
                        Instant.parse("2025-03-14T12:17:48.092Z"));
            case SLA_BREACHED ->
                new SlaBreached(
                        CASE_ID,
                        SlaClock.RESOLUTION,
                        "complaints",
                        1,
                        3,
                        2,
                        Instant.parse("2025-03-19T11:41:10.500Z"),
                        Instant.parse("2025-03-17T10:41:10.500Z"),
                        Instant.parse("2025-03-19T11:41:11.212Z"));
            case SLA_CLOCK_STOPPED ->
                new SlaClockStopped(
                        CASE_ID,
                        SlaClock.FIRST_RESPONSE,
                        "complaints",
                        1,
                        3,
                        RECEIVED,
                        REPLY_DELIVERED,
                        Instant.parse("2025-03-14T10:41:09.123456Z"),
                        1444,
                        true);
            case SLA_CLOCK_PAUSED ->
                new SlaClockPaused(CASE_ID, SlaClock.RESOLUTION, "waiting-on-customer", REPLY_DELIVERED);
            case SLA_CLOCK_RESUMED ->
                new SlaClockResumed(
                        CASE_ID,
                        SlaClock.RESOLUTION,
                        Instant.parse("2025-03-14T11:32:47Z"),
                        Instant.parse("2025-03-17T05:09:03.520Z"),
                        Instant.parse("2025-03-17T12:08:44.020Z"));
            case FEEDBACK_ISSUE_DETECTED -> issueDetected(false);
            case FEEDBACK_ISSUE_CASES_LINKED ->
                new IssueCasesLinked(
                        ISSUE_ID,
                        List.of(
                                UUID.fromString("b3d5f7a9-1c3e-4b5d-8f7a-2c4e6a8b0d13"),
                                UUID.fromString("d5f7b9c1-3e5a-4d7f-9b1c-4e6a8c0e2f35")),
                        16,
                        Instant.parse("2025-03-14T11:04:19.880Z"));
            case FEEDBACK_ISSUE_STATUS_CHANGED ->
                new IssueStatusChanged(
                        ISSUE_ID,
                        "billing",
                        "detected",
                        "acknowledged",
                        "pieter",
                        "Bekend bij het betaalteam: de incassorun van 12 maart is twee keer gedraaid. Terugboeking wordt"
                                + " voorbereid.",
                        Instant.parse("2025-03-14T10:30:12Z"));
            case FEEDBACK_ISSUE_RESOLVED ->
                new IssueResolved(
                        ISSUE_ID,
                        "billing",
                        "factuur maart dubbel afgeschreven",
                        "Het probleem met de dubbele afschrijving van je factuur van maart is opgelost. Het teveel"
                                + " betaalde bedrag staat binnen 3 werkdagen weer op je rekening. Excuses voor het"
                                + " ongemak!",
                        ISSUE_CASES,
                        "pieter",
                        Instant.parse("2025-03-17T14:45:03Z"));
            case FEEDBACK_INCIDENT_DETECTED -> incidentDetected(false);
            case REPLY_REQUESTED -> replyRequested(false);
            case REPLY_DELIVERED ->
                new ReplyDelivered(
                        REPLY_ID, CASE_ID, CONVERSATION_KEY, Channel.X, "1899052781264109572", 1, REPLY_DELIVERED);
            case REPLY_FAILED ->
                new ReplyFailed(
                        UUID.fromString("f0a2c4e6-8b1d-4f3a-a5c7-e9b1d3f5a7c2"),
                        UUID.fromString("c2e4a6b8-0d1f-4a3c-9e5b-7d9f1b3d5e60"),
                        "whatsapp:31612345678",
                        Channel.WHATSAPP,
                        "reply-window-closed",
                        "WhatsApp Cloud API error 131047: more than 24 hours have passed since the customer last"
                                + " replied; only an approved template can be sent.",
                        1,
                        Instant.parse("2025-03-14T16:20:02.870Z"));
        };
    }

    /** The same event with every field the schema allows to be null set to null (the others as in {@link #full}). */
    static Record withNulls(EventType type) {
        return switch (type) {
            case MESSAGE_RECEIVED -> inboundMessage(true);
            case MESSAGE_ROUTED -> messageRouted(true);
            case CASE_OPENED -> caseOpened(true);
            case CASE_REOPENED -> caseReopened(true);
            case FEEDBACK_ISSUE_DETECTED -> issueDetected(true);
            case FEEDBACK_INCIDENT_DETECTED -> incidentDetected(true);
            case REPLY_REQUESTED -> replyRequested(true);
            case CASE_MESSAGE_ADDED,
                    CASE_ASSIGNED,
                    CASE_TRANSFERRED,
                    CASE_REPLIED,
                    CASE_REPLY_FAILED,
                    CASE_WAITING,
                    CASE_RESOLVED,
                    CASE_CLOSED,
                    CASE_ESCALATED,
                    CASE_MERGED,
                    CASE_SATISFACTION_RECORDED,
                    SLA_CLOCK_STARTED,
                    SLA_WARNING,
                    SLA_BREACHED,
                    SLA_CLOCK_STOPPED,
                    SLA_CLOCK_PAUSED,
                    SLA_CLOCK_RESUMED,
                    FEEDBACK_ISSUE_CASES_LINKED,
                    FEEDBACK_ISSUE_STATUS_CHANGED,
                    FEEDBACK_ISSUE_RESOLVED,
                    REPLY_DELIVERED,
                    REPLY_FAILED -> full(type); // nothing nullable
        };
    }

    private static CaseOpened caseOpened(boolean nulls) {
        return new CaseOpened(
                CASE_ID,
                CONVERSATION_KEY,
                "complaints",
                1,
                Channel.X,
                "@annevdberg",
                MESSAGE_ID,
                Intent.COMPLAINT,
                List.of("network", "outage"),
                true,
                RECEIVED,
                Instant.parse("2025-03-14T09:41:10.500Z"),
                nulls ? null : UUID.fromString("a4d2c1e0-7b3f-4c59-8e1a-2f6b9d0c3e45"),
                nulls ? null : UUID.fromString("3e5a7c9e-1b3d-4f5a-8c7e-9a1b3c5d7e02"));
    }

    /** Reopened by an agent; the null variant is the customer's message reopening it ({@code by} is null then). */
    private static CaseReopened caseReopened(boolean nulls) {
        return new CaseReopened(
                CASE_ID,
                "complaints",
                nulls ? 1 : 2,
                nulls ? "customer-message" : "agent",
                nulls ? null : "cees",
                nulls,
                Instant.parse("2025-03-15T08:12:05.316Z"));
    }

    /** The samples of an incident name no case when case-service had not announced it yet. */
    private static IncidentDetected incidentDetected(boolean nulls) {
        return new IncidentDetected(
                UUID.fromString("5b7e9c1d-3f2a-4d8b-b1e6-0a9c8d7f6e24"),
                "network",
                34,
                4.0,
                8.5,
                Instant.parse("2025-03-14T09:00:00Z"),
                Instant.parse("2025-03-14T10:00:00Z"),
                List.of(
                        new FeedbackSample(
                                MESSAGE_ID,
                                nulls ? null : CASE_ID,
                                Channel.X,
                                "@provider al 3 uur geen internet in Utrecht, niet leuk. Wanneer is dit"
                                        + " opgelost?"),
                        new FeedbackSample(
                                UUID.fromString("2c4e6a8c-0e2f-4b4d-9f6a-8c0e2f4b6d71"),
                                nulls ? null : UUID.fromString("6a8c0e2f-4b6d-4f8a-b0c2-e4f6a8c0e2d4"),
                                Channel.FACEBOOK,
                                "Sinds vanochtend geen wifi meer in Utrecht-Oost, modem knippert oranje. Is"
                                        + " er een storing?"),
                        new FeedbackSample(
                                UUID.fromString("9e1a3c5e-7f9b-4d1f-a3c5-7e9b1d3f5a82"),
                                nulls ? null : UUID.fromString("0f2b4d6f-8a0c-4e2a-b4d6-8f0a2c4e6b93"),
                                Channel.WHATSAPP,
                                "Hi, no internet at our office in Utrecht since 9 am. Is there an outage?")),
                Instant.parse("2025-03-14T10:00:01.412Z"));
    }

    private static IssueDetected issueDetected(boolean nulls) {
        return new IssueDetected(
                ISSUE_ID,
                "billing",
                nulls ? null : "pieter",
                "factuur maart dubbel afgeschreven",
                List.of("dubbel afgeschreven", "factuur", "maart", "twee keer"),
                14,
                ISSUE_CASES,
                List.of(
                        new FeedbackSample(
                                UUID.fromString("5c7e9a1b-3d5f-4a7c-9e1b-3d5f7a9c1e46"),
                                nulls ? null : ISSUE_CASES.get(0),
                                Channel.X,
                                "@provider jullie hebben mijn factuur van maart twee keer afgeschreven?! Graag het"
                                        + " geld terug."),
                        new FeedbackSample(
                                UUID.fromString("8f1b3d5f-7a9c-4e1b-a3d5-f7a9c1e3b568"),
                                nulls ? null : ISSUE_CASES.get(1),
                                Channel.FACEBOOK,
                                "Vandaag 2x €54,95 van mijn rekening gegaan voor dezelfde factuur. Hoe krijg ik dit"
                                        + " terug?"),
                        new FeedbackSample(
                                UUID.fromString("b2d4f6a8-0c2e-4b4d-8a6c-0e2b4d6f8a17"),
                                ISSUE_CASES.get(2),
                                Channel.WHATSAPP,
                                "My March invoice was charged twice, please refund the duplicate payment.")),
                Instant.parse("2025-03-12T07:58:21Z"),
                Instant.parse("2025-03-14T09:15:02.337Z"));
    }

    /**
     * A Messenger reply after the platform's 24-hour window closed, so an approved template goes out; the null variant
     * is a public reply on X, which has no reply window.
     */
    private static ReplyRequested replyRequested(boolean nulls) {
        if (nulls) {
            return new ReplyRequested(
                    REPLY_ID,
                    CASE_ID,
                    CONVERSATION_KEY,
                    Channel.X,
                    null,
                    null,
                    "1899045124712399999",
                    Visibility.PUBLIC,
                    "1456789012",
                    "@annevdberg Vervelend dat je geen internet hebt! Er is een storing in Utrecht; we verwachten die"
                            + " rond 12:00 opgelost te hebben. We houden je op de hoogte. ^Carla",
                    null,
                    null,
                    "carla",
                    REPLY_REQUESTED);
        }
        return new ReplyRequested(
                UUID.fromString("7a9c1e3b-5d7f-4a9c-b1e3-5d7f9a1c3e84"),
                UUID.fromString("e6a8c0e2-4f6b-4d8f-a0c2-e4f6b8d0a2c5"),
                "facebook:t_2210459873316542",
                Channel.FACEBOOK,
                "104857362918475",
                "t_2210459873316542",
                "m_Gx8sKcW2yZqN0vT4pL7dR1eAuB3hJ6fM9oV5iC2nX8kY0wS",
                Visibility.PRIVATE,
                "6543210987654321",
                "Hoi Sanne, we hebben je monteursafspraak verzet naar dinsdag 18 maart tussen 8:00 en 12:00. Lukt"
                        + " dat? Groet, Wendy",
                "appointment_update_nl",
                Instant.parse("2025-03-16T18:22:40Z"),
                "wendy",
                Instant.parse("2025-03-17T08:03:55.204Z"));
    }

    private static InboundMessage inboundMessage(boolean nulls) {
        return new InboundMessage(
                MESSAGE_ID,
                "x:1899045124712345678",
                Channel.X,
                nulls ? null : "webcare_nl",
                "1899045124712399999",
                nulls ? null : "1899045124712345678",
                Visibility.PUBLIC,
                new Author(
                        nulls ? null : "1456789012", "@annevdberg", nulls ? null : "Anne van den Berg", 48_210, true),
                "@provider al 3 uur geen internet in Utrecht, niet leuk. Wanneer is dit opgelost?",
                List.of(new Media("image", "https://pbs.twimg.com/media/GAbc123.jpg")),
                nulls ? null : SENT,
                RECEIVED,
                nulls ? null : Instant.parse("2025-03-15T09:41:07Z"));
    }

    private static MessageRouted messageRouted(boolean nulls) {
        return new MessageRouted(
                inboundMessage(nulls),
                new MessageAnalysis(
                        nulls ? null : "nl",
                        new Sentiment(-0.72, "negative", List.of("niet leuk", "geen internet")),
                        Intent.COMPLAINT,
                        List.of("outage"),
                        List.of("network", "outage"),
                        new Reach(48_210, true, true)),
                new RoutingDecision(
                        "complaints",
                        1,
                        true,
                        List.of("high-reach"),
                        "outage-high-reach",
                        List.of("intent complaint -> complaints", "signal outage and 48210 followers -> priority 1")),
                Instant.parse("2025-03-14T09:41:09.802Z"));
    }
}
