package io.webcare.cases.customers;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<CustomerIdentity, UUID> {
    public Optional<CustomerIdentity> active(String kind, String value) {
        return find("kind = ?1 and value = ?2 and unlinkedAt is null", kind, value)
                .firstResultOptional();
    }

    public List<CustomerIdentity> activeOf(UUID customerId) {
        return list("customerId = ?1 and unlinkedAt is null order by linkedAt", customerId);
    }

    public List<CustomerIdentity> allOf(UUID customerId) {
        return list("customerId = ?1 order by linkedAt", customerId);
    }
}
