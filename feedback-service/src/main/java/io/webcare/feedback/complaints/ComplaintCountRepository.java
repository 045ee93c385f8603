package io.webcare.feedback.complaints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ComplaintCountRepository implements PanacheRepositoryBase<ComplaintCount, String> {

    /** Counts one complaint atomically, so concurrent consumers never lose an increment. */
    void increment(String topic, Instant at) {
        getEntityManager()
                .createNativeQuery("insert into complaint_count (topic, complaints, last_at) values (:topic, 1, :at)"
                        + " on conflict (topic) do update set complaints = complaint_count.complaints + 1,"
                        + " last_at = greatest(complaint_count.last_at, excluded.last_at)")
                .setParameter("topic", topic)
                .setParameter("at", at)
                .executeUpdate();
    }

    List<ComplaintCount> mostFirst() {
        return list("order by complaints desc, topic");
    }
}
