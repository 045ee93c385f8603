package io.webcare.sla.clocks;

import io.webcare.contract.events.CaseOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What sla-service keeps beside the clocks, in the caller's transaction: the case facts and finished targets the
 * figures are computed from, the audit of policy switches, and the reply windows of messages.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClockRecords {
    private final EntityManager em;

    public ClockRecords(EntityManager em) {
        this.em = em;
    }

    void caseOpened(CaseOpened opened) {
        em.createNativeQuery("insert into sla_case (case_id, team, channel, opened_at, boomerang)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, opened.caseId())
                .setParameter(2, opened.team())
                .setParameter(3, opened.channel().wireName())
                .setParameter(4, opened.openedAt())
                .setParameter(5, opened.boomerangOf() != null)
                .executeUpdate();
    }

    void reopened(UUID caseId) {
        em.createNativeQuery("update sla_case set reopened = true, resolved_at = null where case_id = ?1")
                .setParameter(1, caseId)
                .executeUpdate();
    }

    void transferred(UUID caseId, String team) {
        em.createNativeQuery("update sla_case set team = ?2 where case_id = ?1")
                .setParameter(1, caseId)
                .setParameter(2, team)
                .executeUpdate();
    }

    public void resolved(UUID caseId, Instant at, boolean firstTimeFix) {
        em.createNativeQuery("update sla_case set resolved_at = ?2, first_time_fix = ?3 where case_id = ?1")
                .setParameter(1, caseId)
                .setParameter(2, at)
                .setParameter(3, firstTimeFix)
                .executeUpdate();
    }

    /** A CSAT (1-5) or NPS (0-10) score; the latest of each scale counts. */
    public void satisfaction(UUID caseId, String scale, int score) {
        String column =
                switch (scale) {
                    case "csat" -> "csat";
                    case "nps" -> "nps";
                    default -> throw new IllegalArgumentException("unknown satisfaction scale " + scale);
                };
        em.createNativeQuery("update sla_case set " + column + " = ?2 where case_id = ?1")
                .setParameter(1, caseId)
                .setParameter(2, score)
                .executeUpdate();
    }

    void targetFinished(CaseClock clock, boolean met) {
        em.createNativeQuery(
                        "insert into sla_target_result (case_id, clock, target_no, team, channel, priority, policy_version,"
                                + " started_at, stopped_at, elapsed_millis, target_millis, met)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict do nothing")
                .setParameter(1, clock.id.caseId())
                .setParameter(2, clock.id.clock().name())
                .setParameter(3, clock.targetNo)
                .setParameter(4, clock.team)
                .setParameter(5, clock.channel == null ? null : clock.channel.wireName())
                .setParameter(6, clock.priority)
                .setParameter(7, clock.policyVersion)
                .setParameter(8, clock.startedAt)
                .setParameter(9, clock.stoppedAt)
                .setParameter(10, clock.countedMillis)
                .setParameter(11, clock.targetMillis)
                .setParameter(12, met)
                .executeUpdate();
    }

    void audit(CaseClock clock, String action, String detail, String by, Instant at) {
        em.createNativeQuery("insert into sla_clock_audit (case_id, clock, action, detail, by_whom, happened_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, clock.id.caseId())
                .setParameter(2, clock.id.clock().name())
                .setParameter(3, action)
                .setParameter(4, detail)
                .setParameter(5, by)
                .setParameter(6, at)
                .executeUpdate();
    }

    List<ClockAuditEntry> auditOf(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select clock, action, detail, by_whom, happened_at from sla_clock_audit where case_id = ?1"
                                + " order by id")
                .setParameter(1, caseId)
                .getResultList();
        return rows.stream()
                .map(r -> new ClockAuditEntry(
                        io.webcare.contract.events.SlaClock.valueOf((String) r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        instant(r[4])))
                .toList();
    }

    /** Links a message to its case; the message's reply window closing time, when already known. */
    Optional<Instant> messageOfCase(UUID caseId, UUID messageId) {
        @SuppressWarnings("unchecked")
        List<Object> closes = em.createNativeQuery(
                        "insert into sla_message_window (message_id, case_id) values (?1, ?2)"
                                + " on conflict (message_id) do update set case_id = excluded.case_id returning closes_at")
                .setParameter(1, messageId)
                .setParameter(2, caseId)
                .getResultList();
        return closes.stream()
                .filter(java.util.Objects::nonNull)
                .map(ClockRecords::instant)
                .findFirst();
    }

    /** Records when a message's reply window closes; the message's case, when already known. */
    public Optional<UUID> messageWindow(UUID messageId, Instant closesAt) {
        @SuppressWarnings("unchecked")
        List<Object> cases = em.createNativeQuery(
                        "insert into sla_message_window (message_id, closes_at) values (?1, ?2)"
                                + " on conflict (message_id) do update set closes_at = excluded.closes_at returning case_id")
                .setParameter(1, messageId)
                .setParameter(2, closesAt)
                .getResultList();
        return cases.stream()
                .filter(java.util.Objects::nonNull)
                .map(UUID.class::cast)
                .findFirst();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
