package io.webcare.cases.satisfaction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {
    /** The question asked after the case's latest resolution, if one was. */
    public Optional<Survey> askedSince(UUID caseId, Instant resolvedAt) {
        return find("caseId = ?1 and askedAt >= ?2 order by askedAt desc", caseId, resolvedAt)
                .firstResultOptional();
    }
}
