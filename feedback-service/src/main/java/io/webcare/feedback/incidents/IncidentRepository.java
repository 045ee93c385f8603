package io.webcare.feedback.incidents;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** The topic's incident that was still above its threshold at or after {@code openSince}. */
    public Optional<Incident> openFor(String topic, Instant openSince) {
        return find("topic = ?1 and lastAboveAt >= ?2 order by detectedAt desc", topic, openSince)
                .firstResultOptional();
    }

    public List<Incident> recent(int limit) {
        return find("order by detectedAt desc").page(0, limit).list();
    }

    public boolean link(UUID incidentId, UUID caseId) {
        return getEntityManager()
                        .createNativeQuery("insert into incident_case (incident_id, case_id) values (:i, :c)"
                                + " on conflict do nothing")
                        .setParameter("i", incidentId)
                        .setParameter("c", caseId)
                        .executeUpdate()
                > 0;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> caseIds(UUID incidentId) {
        return getEntityManager()
                .createNativeQuery(
                        "select case_id from incident_case where incident_id = :i order by case_id", UUID.class)
                .setParameter("i", incidentId)
                .getResultList();
    }
}
