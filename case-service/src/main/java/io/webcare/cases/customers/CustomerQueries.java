package io.webcare.cases.customers;

import io.webcare.cases.cases.CaseMessage;
import io.webcare.cases.cases.CaseMessageRepository;
import io.webcare.cases.cases.CaseView;
import io.webcare.cases.cases.SupportCase;
import io.webcare.cases.replies.Reply;
import io.webcare.cases.replies.ReplyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The customer view: identities, the whole contact history across channels, earlier cases, sentiment trend. */
@ApplicationScoped
public class CustomerQueries {
    static final int RECENT = 5;
    static final double STEADY = 0.15;

    private final CustomerService customers;
    private final CaseMessageRepository messages;
    private final ReplyRepository replies;
    private final io.webcare.cases.cases.CaseRepository cases;

    public CustomerQueries(
            CustomerService customers,
            CaseMessageRepository messages,
            ReplyRepository replies,
            io.webcare.cases.cases.CaseRepository cases) {
        this.customers = customers;
        this.messages = messages;
        this.replies = replies;
        this.cases = cases;
    }

    @Transactional
    public CustomerView view(UUID customerId) {
        Customer customer = customers.get(customerId);
        List<String> identities = customers.identityKeys(customerId);
        List<SupportCase> theirCases = cases.customerCases(customerId, identities);
        List<CaseMessage> inbound = messages.byIdentities(identities);
        Set<UUID> caseIds = theirCases.stream().map(c -> c.caseId).collect(Collectors.toSet());

        List<CustomerView.Contact> contacts = new ArrayList<>();
        inbound.forEach(m -> contacts.add(new CustomerView.Contact(
                m.sentAt, "inbound", m.channel, m.caseId, m.text, m.sentiment, m.sentimentLabel, null)));
        for (UUID caseId : caseIds) {
            for (Reply r : replies.ofCase(caseId)) {
                contacts.add(new CustomerView.Contact(
                        r.requestedAt, "outbound", r.channel, r.caseId, r.text, null, null, r.status));
            }
        }
        contacts.sort(Comparator.comparing(CustomerView.Contact::at));

        return new CustomerView(
                customer.customerId,
                customer.displayName,
                customer.createdAt,
                customers.allIdentities(customerId).stream()
                        .map(CustomerView.IdentityView::of)
                        .toList(),
                contacts,
                theirCases.stream().map(c -> CaseView.summary(c, null)).toList(),
                trend(inbound));
    }

    static CustomerView.SentimentTrend trend(List<CaseMessage> inbound) {
        List<CustomerView.SentimentTrend.Point> points = inbound.stream()
                .filter(m -> m.sentiment != null)
                .map(m -> new CustomerView.SentimentTrend.Point(m.sentAt, m.sentiment, m.channel))
                .toList();
        if (points.size() < 2) {
            return new CustomerView.SentimentTrend(points, average(points), null, "unknown");
        }
        int split = Math.max(1, points.size() - RECENT);
        List<CustomerView.SentimentTrend.Point> earlier = points.subList(0, split);
        List<CustomerView.SentimentTrend.Point> recent = points.subList(split, points.size());
        double recentAverage = average(recent);
        double earlierAverage = average(earlier);
        String direction = recentAverage - earlierAverage > STEADY
                ? "improving"
                : earlierAverage - recentAverage > STEADY ? "worsening" : "steady";
        return new CustomerView.SentimentTrend(points, recentAverage, earlierAverage, direction);
    }

    private static Double average(List<CustomerView.SentimentTrend.Point> points) {
        return points.isEmpty()
                ? null
                : points.stream()
                        .mapToDouble(CustomerView.SentimentTrend.Point::score)
                        .average()
                        .orElseThrow();
    }
}
