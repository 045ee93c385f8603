package io.webcare.cases.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One customer, however many channels they write on: identities are linked to it, never merged into it. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public int version;
}
