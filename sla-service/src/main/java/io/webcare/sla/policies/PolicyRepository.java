package io.webcare.sla.policies;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<StoredPolicy, StoredPolicy.Key> {
    Optional<StoredPolicy> latest(String team) {
        return find("team = ?1 order by version desc", team).firstResultOptional();
    }

    Optional<StoredPolicy> version(String team, int version) {
        return find("team = ?1 and version = ?2", team, version).firstResultOptional();
    }

    List<StoredPolicy> versions(String team) {
        return list("team = ?1 order by version", team);
    }

    /** Stores a version unless it exists (two instances may create a team's first version at once). */
    void insertIfAbsent(StoredPolicy p) {
        getEntityManager()
                .createNativeQuery("insert into sla_policy (team, version, document, created_at, created_by)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, p.team)
                .setParameter(2, p.version)
                .setParameter(3, p.document)
                .setParameter(4, p.createdAt)
                .setParameter(5, p.createdBy)
                .executeUpdate();
    }
}
