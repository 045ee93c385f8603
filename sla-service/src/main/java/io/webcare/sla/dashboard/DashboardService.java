package io.webcare.sla.dashboard;

import io.webcare.contract.events.SlaClock;
import io.webcare.sla.dashboard.DashboardSnapshot.Bucket;
import io.webcare.sla.dashboard.DashboardSnapshot.QueueEntry;
import io.webcare.sla.dashboard.DashboardSnapshot.TeamBoard;
import io.webcare.sla.figures.FigureService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Computes the dashboard's snapshot from the clocks, finished targets and case facts (and the figures). */
@ApplicationScoped
public class DashboardService {
    static final Duration FIGURES_PERIOD = Duration.ofHours(24);
    static final Duration SERIES_PERIOD = Duration.ofHours(6);
    static final Duration BUCKET = Duration.ofMinutes(5);
    static final int QUEUE_SIZE = 10;

    private final EntityManager em;
    private final FigureService figures;
    /** The last board drawn per team, with the redraw tick it was drawn for. */
    private final Map<String, Drawn> drawn = new ConcurrentHashMap<>();

    private record Drawn(long tick, TeamBoard board) {}

    private final Clock clock;

    public DashboardService(EntityManager em, FigureService figures, Clock clock) {
        this.em = em;
        this.figures = figures;
        this.clock = clock;
    }

    /** A fresh snapshot (a viewer that just connected, or asked for one). */
    @Transactional
    public DashboardSnapshot snapshot(DashboardScope scope) {
        Instant now = Instant.now(clock);
        List<String> teams = scope.allTeams() ? knownTeams() : scope.teams();
        return new DashboardSnapshot(
                now,
                scope.viewer(),
                scope.allTeams(),
                teams.stream().map(team -> board(team, now)).toList());
    }

    /**
     * The snapshot of redraw {@code tick}: every viewer of a team shares its board of that tick, so a wall of screens
     * costs the queries of one.
     */
    @Transactional
    public DashboardSnapshot snapshot(DashboardScope scope, long tick) {
        Instant now = Instant.now(clock);
        List<String> teams = scope.allTeams() ? knownTeams() : scope.teams();
        List<TeamBoard> boards = new ArrayList<>();
        for (String team : teams) {
            // compute() holds the team's entry: a viewer arriving meanwhile waits and takes the same board.
            boards.add(drawn.compute(
                            team,
                            (t, last) -> last != null && last.tick() == tick ? last : new Drawn(tick, board(t, now)))
                    .board());
        }
        return new DashboardSnapshot(now, scope.viewer(), scope.allTeams(), boards);
    }

    private TeamBoard board(String team, Instant now) {
        return new TeamBoard(
                team,
                openCases(team),
                figures.figures(team, null, now.minus(FIGURES_PERIOD), now),
                queue(team, now, false),
                queue(team, now, true),
                series(team, now));
    }

    @SuppressWarnings("unchecked")
    private List<String> knownTeams() {
        return em.createNativeQuery("select team from sla_case union select team from sla_clock order by 1")
                .getResultList();
    }

    private long openCases(String team) {
        return ((Number) em.createNativeQuery(
                                "select count(distinct case_id) from sla_clock where stopped_at is null and team = ?1")
                        .setParameter(1, team)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Running clocks of the team, either not yet due (soonest first) or past due (longest overdue first). Judged by
     * the due time, not by the announcement, which may lag (a scheduler catching up).
     */
    @SuppressWarnings("unchecked")
    private List<QueueEntry> queue(String team, Instant now, boolean overdue) {
        List<Object[]> rows = em.createNativeQuery("select case_id, team, priority, channel, clock, due_at,"
                        + " escalation_level from sla_clock"
                        + " where stopped_at is null and running_since is not null and team = ?1"
                        + (overdue ? " and due_at <= ?2" : " and due_at > ?2")
                        + " order by due_at, case_id limit " + QUEUE_SIZE)
                .setParameter(1, team)
                .setParameter(2, now)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    Instant due = instant(r[5]);
                    return new QueueEntry(
                            (UUID) r[0],
                            (String) r[1],
                            ((Number) r[2]).intValue(),
                            (String) r[3],
                            SlaClock.valueOf((String) r[4])
                                    .name()
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', '-'),
                            due,
                            Duration.between(now, due).toSeconds(),
                            ((Number) r[6]).intValue());
                })
                .toList();
    }

    /**
     * Counts per {@link #BUCKET} over the last {@link #SERIES_PERIOD}, in one query: each source row is numbered by its
     * bucket (seconds since the epoch divided by the bucket length), so empty buckets are filled in here.
     */
    @SuppressWarnings("unchecked")
    private List<Bucket> series(String team, Instant now) {
        long size = BUCKET.toSeconds();
        long last = Math.floorDiv(now.getEpochSecond(), size);
        long first = last - SERIES_PERIOD.toSeconds() / size + 1;
        Instant from = Instant.ofEpochSecond(first * size);
        String bucket = "floor(extract(epoch from %s) / " + size + ")::bigint";
        List<Object[]> rows = em.createNativeQuery("select kind, b, count(*) from ("
                        + " select 'opened' as kind, " + bucket.formatted("opened_at") + " as b from sla_case"
                        + "   where team = :team and opened_at >= :from"
                        + " union all select 'resolved', " + bucket.formatted("resolved_at") + " from sla_case"
                        + "   where team = :team and resolved_at >= :from"
                        + " union all select 'picked-up', " + bucket.formatted("stopped_at") + " from sla_target_result"
                        + "   where team = :team and clock = 'FIRST_RESPONSE' and stopped_at >= :from"
                        // Past due while counting (announced or not yet: the scheduler may be catching up).
                        + " union all select 'breached', " + bucket.formatted("due_at") + " from sla_clock"
                        + "   where team = :team and due_at >= :from"
                        + "   and (escalation_level > 0 or due_at < coalesce(stopped_at, paused_at, :now))"
                        + ") counted where b <= :last group by kind, b")
                .setParameter("team", team)
                .setParameter("from", from)
                .setParameter("now", now)
                .setParameter("last", last)
                .getResultList();
        int n = (int) (last - first + 1);
        long[][] counts = new long[4][n];
        for (Object[] r : rows) {
            int i = (int) (((Number) r[1]).longValue() - first);
            int kind =
                    switch ((String) r[0]) {
                        case "opened" -> 0;
                        case "picked-up" -> 1;
                        case "resolved" -> 2;
                        default -> 3;
                    };
            counts[kind][i] = ((Number) r[2]).longValue();
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(new Bucket(
                    Instant.ofEpochSecond((first + i) * size), counts[0][i], counts[1][i], counts[2][i], counts[3][i]));
        }
        return buckets;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
