package io.webcare.cases.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.webcare.cases.cases.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as agents and the contact centre see them: the linked identities, every contact on every channel, the
 * earlier cases and how the customer's sentiment went, so that the question behind the question shows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(
        UUID customerId,
        String displayName,
        Instant createdAt,
        List<IdentityView> identities,
        List<Contact> contacts,
        List<CaseView> cases,
        SentimentTrend sentiment) {

    public record IdentityView(
            UUID identityId,
            String kind,
            String value,
            boolean active,
            String linkedBy,
            Instant linkedAt,
            String unlinkedBy,
            Instant unlinkedAt) {
        public static IdentityView of(CustomerIdentity i) {
            return new IdentityView(
                    i.identityId, i.kind, i.value, i.active(), i.linkedBy, i.linkedAt, i.unlinkedBy, i.unlinkedAt);
        }
    }

    /** One contact: a customer message (inbound) or a reply to them (outbound), on any channel. */
    public record Contact(
            Instant at,
            String direction,
            String channel,
            UUID caseId,
            String text,
            Double sentiment,
            String sentimentLabel,
            String status) {}

    /**
     * The customer's sentiment over time (-1..1 per message, oldest first), the average of the latest messages
     * against the ones before, and which way it goes (improving, worsening, steady, or unknown with too little).
     */
    public record SentimentTrend(List<Point> points, Double recentAverage, Double earlierAverage, String direction) {
        public record Point(Instant at, double score, String channel) {}
    }
}
