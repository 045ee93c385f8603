package io.webcare.sla.calendars;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One opening period of a day, in local wall-clock time: from (inclusive) to (exclusive), {@code 24:00} meaning the end
 * of the day. Kept in minutes of the day so that 24:00 is representable.
 */
public record OpeningPeriod(int fromMinute, int toMinute) {
    private static final int END_OF_DAY = 24 * 60;

    public OpeningPeriod {
        if (fromMinute < 0 || toMinute > END_OF_DAY || fromMinute >= toMinute) {
            throw new IllegalArgumentException("an opening period runs forward within one day (00:00-24:00), not "
                    + format(fromMinute) + "-" + format(toMinute));
        }
    }

    /** Parses {@code HH:mm}; the end may be {@code 24:00}. */
    public static OpeningPeriod of(String from, String to) {
        return new OpeningPeriod(minutes(from), minutes(to));
    }

    Instant startOn(LocalDate day, ZoneId zone) {
        return at(day, fromMinute, zone);
    }

    Instant endOn(LocalDate day, ZoneId zone) {
        return at(day, toMinute, zone);
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
        if (minute == END_OF_DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        // In a gap (spring forward) atZone moves later by the gap; in an overlap it takes the earlier offset.
        return day.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(zone).toInstant();
    }

    public String from() {
        return format(fromMinute);
    }

    public String to() {
        return format(toMinute);
    }

    @Override
    public String toString() {
        return from() + "-" + to();
    }

    private static int minutes(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("a time of day is HH:mm, not " + hhmm);
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new IllegalArgumentException("not a time of day: " + hhmm);
        }
        return h * 60 + m;
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
