package io.webcare.cases.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.webcare.cases.replies.ReplyView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A case as agents see it over REST. In the queue the lists of messages, notes and replies are left out; {@code
 * version} is what a change sends back in If-Match (it is also the ETag).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        UUID caseId,
        String team,
        int priority,
        CaseStatus status,
        String channel,
        String conversationKey,
        String customerHandle,
        UUID customerId,
        String intent,
        String language,
        List<String> topics,
        boolean slaApplies,
        Instant slaDueAt,
        Instant firstMessageAt,
        Instant openedAt,
        String assignee,
        Set<String> tags,
        boolean flagged,
        int escalationLevel,
        UUID boomerangOf,
        int reopenCount,
        String resolutionCode,
        Boolean firstTimeFix,
        Instant resolvedAt,
        Instant closedAt,
        UUID mergedInto,
        int version,
        List<MessageView> messages,
        List<NoteView> notes,
        List<ReplyView> replies,
        List<SatisfactionView> satisfaction) {

    public record MessageView(
            UUID messageId,
            String channel,
            String visibility,
            String authorHandle,
            String text,
            Double sentiment,
            String sentimentLabel,
            Instant sentAt,
            Instant receivedAt,
            Instant replyWindowClosesAt) {
        static MessageView of(CaseMessage m) {
            return new MessageView(
                    m.messageId,
                    m.channel,
                    m.visibility,
                    m.authorHandle,
                    m.text,
                    m.sentiment,
                    m.sentimentLabel,
                    m.sentAt,
                    m.receivedAt,
                    m.replyWindowClosesAt);
        }
    }

    /** A recorded score; {@code messageId} is the customer's message it was read from, if it was. */
    public record SatisfactionView(
            String scale, int score, String source, String recordedBy, UUID messageId, Instant recordedAt) {}

    public record NoteView(UUID noteId, String author, String text, Instant createdAt) {}

    public static CaseView summary(SupportCase c, Instant slaDueAt) {
        return of(c, slaDueAt, null, null, null, null);
    }

    static CaseView of(
            SupportCase c,
            Instant slaDueAt,
            List<CaseMessage> messages,
            List<CaseNote> notes,
            List<ReplyView> replies,
            List<Satisfaction> satisfaction) {
        return new CaseView(
                c.caseId,
                c.team,
                c.priority,
                c.status,
                c.channel,
                c.conversationKey,
                c.customerHandle,
                c.customerId,
                c.intent,
                c.language,
                c.topicList(),
                c.slaApplies,
                slaDueAt,
                c.firstMessageAt,
                c.openedAt,
                c.assignee,
                new java.util.TreeSet<>(c.tags),
                c.flagged,
                c.escalationLevel,
                c.boomerangOf,
                c.reopenCount,
                c.resolutionCode,
                c.firstTimeFix,
                c.resolvedAt,
                c.closedAt,
                c.mergedInto,
                c.version,
                messages == null ? null : messages.stream().map(MessageView::of).toList(),
                notes == null
                        ? null
                        : notes.stream()
                                .map(n -> new NoteView(n.noteId, n.author, n.text, n.createdAt))
                                .toList(),
                replies,
                satisfaction == null
                        ? null
                        : satisfaction.stream()
                                .map(r -> new SatisfactionView(
                                        r.scale, r.score, r.source, r.recordedBy, r.messageId, r.recordedAt))
                                .toList());
    }
}
