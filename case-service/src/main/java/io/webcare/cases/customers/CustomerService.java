package io.webcare.cases.customers;

import io.webcare.cases.access.Caller;
import io.webcare.cases.audit.AuditTrail;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer profiles: a message from an unknown identity gets a profile of its own; agents and the contact centre
 * link identities to a profile and unlink them ("link, don't merge": every change is a row and an audit entry, and
 * each can be undone by the opposite call).
 */
@ApplicationScoped
public class CustomerService {
    public static final String SYSTEM = "webcare";

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final AuditTrail audit;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, IdentityRepository identities, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The profile an identity is linked to; a new profile when nobody linked it yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID profileOf(String kind, String rawValue, String displayName) {
        String value = Identities.normalise(kind, rawValue);
        Optional<CustomerIdentity> known = identities.active(kind, value);
        if (known.isPresent()) {
            return known.get().customerId;
        }
        var customer = new Customer();
        customer.customerId = UUID.randomUUID();
        customer.displayName = displayName;
        customer.createdAt = Instant.now(clock);
        customers.persist(customer);
        addIdentity(customer.customerId, kind, value, SYSTEM);
        audit.record(AuditTrail.CUSTOMER, customer.customerId, "created", SYSTEM, "first contact as " + kind);
        return customer.customerId;
    }

    /** The active identities of a profile as {@code kind:value}: the contact history follows these. */
    public List<String> identityKeys(UUID customerId) {
        return identities.activeOf(customerId).stream()
                .map(i -> Identities.key(i.kind, i.value))
                .toList();
    }

    public Customer get(UUID customerId) {
        return customers
                .findByIdOptional(customerId)
                .orElseThrow(() -> ProblemException.notFound("No customer " + customerId + "."));
    }

    public List<CustomerIdentity> allIdentities(UUID customerId) {
        return identities.allOf(customerId);
    }

    public Optional<UUID> findByIdentity(String kind, String value) {
        return identities.active(kind, Identities.normalise(kind, value)).map(i -> i.customerId);
    }

    /**
     * Links an identity to a profile. An identity linked to another profile moves here (and that profile's audit
     * trail says so); linking what is already linked here changes nothing.
     */
    @Transactional
    public CustomerIdentity link(Caller caller, UUID customerId, String kind, String rawValue) {
        get(customerId);
        String value = Identities.normalise(kind, rawValue);
        Optional<CustomerIdentity> current = identities.active(kind, value);
        if (current.isPresent() && current.get().customerId.equals(customerId)) {
            return current.get();
        }
        Instant now = Instant.now(clock);
        current.ifPresent(elsewhere -> {
            elsewhere.unlinkedAt = now;
            elsewhere.unlinkedBy = caller.name();
            audit.record(
                    AuditTrail.CUSTOMER,
                    elsewhere.customerId,
                    "identity-moved",
                    caller.name(),
                    Identities.key(kind, value) + " moved to customer " + customerId);
            identities.flush();
        });
        CustomerIdentity linked = addIdentity(customerId, kind, value, caller.name());
        audit.record(
                AuditTrail.CUSTOMER,
                customerId,
                "identity-linked",
                caller.name(),
                Identities.key(kind, value)
                        + current.map(c -> " (was linked to customer " + c.customerId + ")")
                                .orElse(""));
        return linked;
    }

    @Transactional
    public CustomerIdentity unlink(Caller caller, UUID customerId, UUID identityId) {
        CustomerIdentity identity = identities
                .findByIdOptional(identityId)
                .filter(i -> i.customerId.equals(customerId))
                .orElseThrow(() ->
                        ProblemException.notFound("Customer " + customerId + " has no identity " + identityId + "."));
        if (!identity.active()) {
            throw ProblemException.conflict(
                    "This identity was already unlinked on " + identity.unlinkedAt + "; link it again to undo that.");
        }
        identity.unlinkedAt = Instant.now(clock);
        identity.unlinkedBy = caller.name();
        audit.record(
                AuditTrail.CUSTOMER,
                customerId,
                "identity-unlinked",
                caller.name(),
                Identities.key(identity.kind, identity.value));
        return identity;
    }

    private CustomerIdentity addIdentity(UUID customerId, String kind, String value, String by) {
        var identity = new CustomerIdentity();
        identity.identityId = UUID.randomUUID();
        identity.customerId = customerId;
        identity.kind = kind;
        identity.value = value;
        identity.linkedBy = by;
        identity.linkedAt = Instant.now(clock);
        identities.persist(identity);
        return identity;
    }
}
