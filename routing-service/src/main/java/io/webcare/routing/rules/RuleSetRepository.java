package io.webcare.routing.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RuleSetRepository implements PanacheRepositoryBase<RuleSetVersion, Long> {
    public Optional<RuleSetVersion> newest() {
        return find("order by version desc").firstResultOptional();
    }

    public List<RuleSetVersion> history() {
        return find("order by version desc").list();
    }

    /** Saves a version unless it exists; false when another writer saved that version first. */
    public boolean insertIfAbsent(RuleSetVersion v) {
        return getEntityManager()
                        .createNativeQuery(
                                "insert into routing_rule_set (version, rules, changed_by, changed_at, comment)"
                                        + " values (:version, :rules, :by, :at, :comment) on conflict do nothing")
                        .setParameter("version", v.version)
                        .setParameter("rules", v.rules)
                        .setParameter("by", v.changedBy)
                        .setParameter("at", v.changedAt)
                        .setParameter("comment", v.comment)
                        .executeUpdate()
                == 1;
    }
}
