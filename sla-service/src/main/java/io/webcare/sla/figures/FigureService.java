package io.webcare.sla.figures;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.SlaClock;
import io.webcare.sla.policies.ActivePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Computes the figures from the finished targets, the clocks and the case facts sla-service keeps. */
@ApplicationScoped
public class FigureService {
    private final EntityManager em;

    public FigureService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Figures figures(String team, String channel, Instant from, Instant to) {
        return new Figures(
                team,
                channel,
                from,
                to,
                target("FIRST_RESPONSE", team, channel, from, to),
                target("RESOLUTION", team, channel, from, to),
                openBreaches(team, channel),
                count("select count(*) from sla_case where " + scope("opened_at"), team, channel, from, to),
                rate(
                        "select count(*) filter (where boomerang), count(*) from sla_case where " + scope("opened_at"),
                        team,
                        channel,
                        from,
                        to),
                count("select count(*) from sla_case where " + scope("resolved_at"), team, channel, from, to),
                rate(
                        "select count(*) filter (where first_time_fix), count(*) from sla_case where "
                                + scope("resolved_at"),
                        team,
                        channel,
                        from,
                        to),
                satisfaction(
                        "select count(csat), avg(csat) from sla_case where " + scope("opened_at"),
                        team,
                        channel,
                        from,
                        to),
                satisfaction(
                        "select count(nps), 100.0 * (count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6))"
                                + " / nullif(count(nps), 0) from sla_case where " + scope("opened_at"),
                        team,
                        channel,
                        from,
                        to));
    }

    /** Re-judges the targets of {@code team} that finished in the period under {@code policy}'s targets. */
    @Transactional
    public Replay replay(ActivePolicy policy, Instant from, Instant to) {
        return new Replay(
                policy.team(),
                policy.version(),
                from,
                to,
                replayed(SlaClock.FIRST_RESPONSE, policy, from, to),
                replayed(SlaClock.RESOLUTION, policy, from, to));
    }

    private Replay.Outcome replayed(SlaClock clock, ActivePolicy policy, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(
                        em.createNativeQuery("select priority, channel, elapsed_millis, met from sla_target_result"
                                + " where clock = :clock and " + scope("stopped_at")),
                        policy.team(),
                        null,
                        from,
                        to)
                .setParameter("clock", clock.name())
                .getResultList();
        long metAsRun = 0;
        long metUnder = 0;
        for (Object[] r : rows) {
            Channel channel = r[1] == null ? null : Channel.fromWireName((String) r[1]);
            Duration target = policy.document()
                    .effective(((Number) r[0]).intValue(), channel)
                    .target(clock);
            long elapsed = ((Number) r[2]).longValue();
            metAsRun += Boolean.TRUE.equals(r[3]) ? 1 : 0;
            metUnder += elapsed <= target.toMillis() ? 1 : 0;
        }
        return new Replay.Outcome(
                rows.size(), metAsRun, metUnder, rows.isEmpty() ? null : (double) metUnder / rows.size());
    }

    private Figures.Target target(String clock, String team, String channel, Instant from, Instant to) {
        Object[] row = (Object[]) bind(
                        em.createNativeQuery("select count(*), count(*) filter (where met),"
                                + " percentile_cont(0.5) within group (order by elapsed_millis),"
                                + " percentile_cont(0.9) within group (order by elapsed_millis)"
                                + " from sla_target_result where clock = :clock and " + scope("stopped_at")),
                        team,
                        channel,
                        from,
                        to)
                .setParameter("clock", clock)
                .getSingleResult();
        long finished = ((Number) row[0]).longValue();
        long met = ((Number) row[1]).longValue();
        return new Figures.Target(
                finished,
                met,
                finished == 0 ? null : (double) met / finished,
                row[2] == null ? null : Math.round(((Number) row[2]).doubleValue() / 1000),
                row[3] == null ? null : Math.round(((Number) row[3]).doubleValue() / 1000));
    }

    private long openBreaches(String team, String channel) {
        Query q =
                em.createNativeQuery("select count(*) from sla_clock where stopped_at is null and escalation_level > 0"
                        + " and (cast(:team as varchar) is null or team = :team)"
                        + " and (cast(:channel as varchar) is null or channel = :channel)");
        q.setParameter("team", team).setParameter("channel", channel);
        return ((Number) q.getSingleResult()).longValue();
    }

    private long count(String sql, String team, String channel, Instant from, Instant to) {
        return ((Number)
                        bind(em.createNativeQuery(sql), team, channel, from, to).getSingleResult())
                .longValue();
    }

    private Double rate(String sql, String team, String channel, Instant from, Instant to) {
        Object[] row = (Object[])
                bind(em.createNativeQuery(sql), team, channel, from, to).getSingleResult();
        long of = ((Number) row[1]).longValue();
        return of == 0 ? null : ((Number) row[0]).doubleValue() / of;
    }

    private Figures.Satisfaction satisfaction(String sql, String team, String channel, Instant from, Instant to) {
        Object[] row = (Object[])
                bind(em.createNativeQuery(sql), team, channel, from, to).getSingleResult();
        long responses = ((Number) row[0]).longValue();
        return new Figures.Satisfaction(
                responses, row[1] == null ? null : Math.round(((Number) row[1]).doubleValue() * 100) / 100.0);
    }

    private static String scope(String timeColumn) {
        return timeColumn + " >= :from and " + timeColumn + " < :to"
                + " and (cast(:team as varchar) is null or team = :team)"
                + " and (cast(:channel as varchar) is null or channel = :channel)";
    }

    private static Query bind(Query q, String team, String channel, Instant from, Instant to) {
        return q.setParameter("team", team)
                .setParameter("channel", channel)
                .setParameter("from", from)
                .setParameter("to", to);
    }
}
