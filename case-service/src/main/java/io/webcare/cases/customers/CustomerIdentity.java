package io.webcare.cases.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A way to recognise a customer: a channel with the platform's id (x, facebook, instagram, whatsapp), an e-mail
 * address, a phone number or the contact centre's CRM id. An unlink keeps the row (unlinkedAt): reversible, audited.
 */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {
    @Id
    @Column(name = "identity_id")
    public UUID identityId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String value;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    @Column(name = "unlinked_by")
    public String unlinkedBy;

    @Column(name = "unlinked_at")
    public Instant unlinkedAt;

    public boolean active() {
        return unlinkedAt == null;
    }
}
