package io.webcare.routing.boomerang;

import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.CaseReopened;
import io.webcare.contract.events.CaseResolved;
import io.webcare.contract.events.CaseTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read model of customers' recent cases, fed by webcare.cases, and the question it answers: did this customer
 * have a case about the same topic resolved within the window? Then a new message is a boomerang.
 */
@ApplicationScoped
public class Boomerangs {
    private final RecentCaseRepository cases;

    public Boomerangs(RecentCaseRepository cases) {
        this.cases = cases;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(CaseOpened e) {
        RecentCase c = cases.findById(e.caseId());
        if (c == null) {
            c = new RecentCase();
            c.caseId = e.caseId();
            c.openedAt = e.openedAt();
        }
        c.conversationKey = e.conversationKey();
        c.customerKey = CustomerKey.of(e.channel(), e.customerHandle());
        c.topics = String.join(",", e.topics() == null ? List.of() : e.topics());
        c.team = e.team();
        cases.persist(c);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(CaseResolved e) {
        RecentCase c = cases.findById(e.caseId());
        if (c != null) {
            c.resolvedAt = e.resolvedAt();
            c.team = e.team() == null ? c.team : e.team();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(CaseReopened e) {
        RecentCase c = cases.findById(e.caseId());
        if (c != null) {
            c.resolvedAt = null;
            c.team = e.team() == null ? c.team : e.team();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void transferred(CaseTransferred e) {
        RecentCase c = cases.findById(e.caseId());
        if (c != null && e.toTeam() != null) {
            c.team = e.toTeam();
        }
    }

    /** The most recent case of this customer resolved within {@code window} that shares a topic with the message. */
    public Optional<EarlierCase> earlier(
            String customerKey, String conversationKey, List<String> topics, Instant now, Duration window) {
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        for (RecentCase c : cases.resolvedSince(customerKey, conversationKey, now.minus(window))) {
            List<String> shared =
                    Arrays.stream(c.topics.split(",")).filter(topics::contains).toList();
            if (!shared.isEmpty()) {
                return Optional.of(new EarlierCase(c.caseId, c.team, shared, c.resolvedAt));
            }
        }
        return Optional.empty();
    }
}
