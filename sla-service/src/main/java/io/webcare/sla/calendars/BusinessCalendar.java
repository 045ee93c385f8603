package io.webcare.sla.calendars;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team is open, and how much open ("business") time lies between two instants. Either 24/7, or weekly opening
 * periods in a time zone minus holidays. Open time is real elapsed time inside the periods: a period that spans a
 * daylight-saving change counts the hour it really lasted (an 00:00-06:00 night shift lasts 5 h in spring and 7 h in
 * autumn in Europe/Amsterdam); a period that starts inside a skipped hour starts when that hour ends.
 */
public final class BusinessCalendar {
    /** No calendar has more than ten years without any open time; a search past that means no open time at all. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final boolean alwaysOpen;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningPeriod>> week;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(
            boolean alwaysOpen, ZoneId zone, Map<DayOfWeek, List<OpeningPeriod>> week, Set<LocalDate> holidays) {
        this.alwaysOpen = alwaysOpen;
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
    }

    /** Open all the time: business time is real time. */
    public static BusinessCalendar twentyFourSeven() {
        return new BusinessCalendar(true, ZoneId.of("UTC"), Map.of(), Set.of());
    }

    /**
     * Weekly opening periods in {@code zone}, closed on {@code holidays} (local dates).
     *
     * @throws IllegalArgumentException when the week has no open time, or periods of one day overlap
     */
    public static BusinessCalendar weekly(
            ZoneId zone, Map<DayOfWeek, List<OpeningPeriod>> periods, Set<LocalDate> holidays) {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        periods.forEach((day, list) -> {
            List<OpeningPeriod> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(OpeningPeriod::fromMinute));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).fromMinute() < sorted.get(i - 1).toMinute()) {
                    throw new IllegalArgumentException(
                            "opening periods on " + day + " overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
                }
            }
            if (!sorted.isEmpty()) {
                week.put(day, List.copyOf(sorted));
            }
        });
        if (week.isEmpty()) {
            throw new IllegalArgumentException("a weekly calendar needs at least one opening period");
        }
        return new BusinessCalendar(false, zone, week, Set.copyOf(new TreeSet<>(holidays)));
    }

    public boolean isTwentyFourSeven() {
        return alwaysOpen;
    }

    /** The instant at which {@code amount} of open time has passed after {@code start}. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative business time: " + amount);
        }
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration left = amount;
        LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            for (Interval open : openOn(day)) {
                if (!open.end().isAfter(start)) {
                    continue;
                }
                Instant from = open.start().isAfter(start) ? open.start() : start;
                Duration available = Duration.between(from, open.end());
                if (left.isZero()) {
                    return from;
                }
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no open time within ten years after " + start);
    }

    /** Open time between {@code from} and {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval open : openOn(day)) {
                Instant s = open.start().isAfter(from) ? open.start() : from;
                Instant e = open.end().isBefore(to) ? open.end() : to;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /** Whether the team is open at {@code instant}. */
    public boolean isOpenAt(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            for (Interval open : openOn(d)) {
                if (!instant.isBefore(open.start()) && instant.isBefore(open.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Interval> openOn(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<OpeningPeriod> periods = week.getOrDefault(day.getDayOfWeek(), List.of());
        List<Interval> result = new ArrayList<>(periods.size());
        for (OpeningPeriod p : periods) {
            Instant start = p.startOn(day, zone);
            Instant end = p.endOn(day, zone);
            if (end.isAfter(start)) {
                result.add(new Interval(start, end));
            }
        }
        return result;
    }

    private record Interval(Instant start, Instant end) {}
}
