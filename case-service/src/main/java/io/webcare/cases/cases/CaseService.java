package io.webcare.cases.cases;

import io.quarkus.panache.common.Page;
import io.webcare.cases.access.Caller;
import io.webcare.contract.EventType;
import io.webcare.contract.events.CaseMessageAdded;
import io.webcare.contract.events.CaseOpened;
import io.webcare.contract.events.InboundMessage;
import io.webcare.contract.events.MessageRouted;
import io.webcare.contract.outbox.Outbox;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Opens cases for routed messages and answers the agents' questions about them. */
@ApplicationScoped
public class CaseService {
    private final CaseRepository cases;
    private final CaseMessageRepository messages;
    private final Outbox outbox;
    private final Clock clock;

    public CaseService(CaseRepository cases, CaseMessageRepository messages, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A routed message joins the open case of its conversation, or opens a new one; the event goes with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(MessageRouted routed) {
        InboundMessage message = routed.message();
        if (messages.findByIdOptional(message.messageId()).isPresent()) {
            return;
        }
        Instant now = Instant.now(clock);
        var open = cases.findOpenByConversation(message.conversationKey());
        if (open.isPresent()) {
            SupportCase existing = open.get();
            store(existing.caseId, message);
            outbox.publish(
                    EventType.CASE_MESSAGE_ADDED,
                    existing.caseId.toString(),
                    new CaseMessageAdded(
                            existing.caseId, message.messageId(), existing.team, message.receivedAt(), now));
            return;
        }
        SupportCase opened = open(routed, now);
        store(opened.caseId, message);
        outbox.publish(
                EventType.CASE_OPENED,
                opened.caseId.toString(),
                new CaseOpened(
                        opened.caseId,
                        opened.conversationKey,
                        opened.team,
                        opened.priority,
                        message.channel(),
                        opened.customerHandle,
                        message.messageId(),
                        routed.analysis().intent(),
                        routed.analysis().topics(),
                        opened.slaApplies,
                        opened.firstMessageAt,
                        opened.openedAt,
                        null, // customer profiles: issue 5
                        null));
    }

    private SupportCase open(MessageRouted routed, Instant now) {
        InboundMessage message = routed.message();
        var opened = new SupportCase();
        opened.caseId = UUID.randomUUID();
        opened.conversationKey = message.conversationKey();
        opened.team = routed.decision().team();
        opened.priority = routed.decision().priority();
        opened.status = CaseStatus.NEW;
        opened.channel = message.channel().wireName();
        opened.customerHandle = message.author().handle();
        opened.intent = routed.analysis().intent().name().toLowerCase();
        opened.slaApplies = routed.decision().slaApplies();
        opened.firstMessageAt = message.sentAt();
        opened.openedAt = now;
        cases.persist(opened);
        return opened;
    }

    private void store(UUID caseId, InboundMessage message) {
        var stored = new CaseMessage();
        stored.messageId = message.messageId();
        stored.caseId = caseId;
        stored.authorHandle = message.author().handle();
        stored.text = message.text();
        stored.sentAt = message.sentAt();
        stored.receivedAt = message.receivedAt();
        messages.persist(stored);
    }

    @Transactional
    public List<CaseView> queue(Caller caller, CaseStatus status, int page, int size) {
        return cases.queue(caller.team(), status, Page.of(page, size)).stream()
                .map(c -> CaseView.of(c, List.of()))
                .toList();
    }

    /** The case a message belongs to, if the caller's team may see it. */
    @Transactional
    public List<CaseView> byMessage(Caller caller, UUID messageId) {
        return messages.findByIdOptional(messageId)
                .flatMap(m -> cases.findByIdOptional(m.caseId))
                .filter(c -> c.team.equals(caller.team()))
                .map(c -> List.of(CaseView.of(c, List.of())))
                .orElse(List.of());
    }

    @Transactional
    public CaseView get(Caller caller, UUID caseId) {
        SupportCase found =
                cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
        caller.requireTeam(found.team);
        return CaseView.of(found, messages.ofCase(caseId));
    }
}
