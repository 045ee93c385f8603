package io.webcare.sla.calendars;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads the holidays of an iCalendar feed (RFC 5545, as published by governments and calendar services): every day
 * covered by an event, with recurring events (RRULE/RDATE, minus EXDATE) expanded within a window of years. Parsing
 * and recurrence expansion are ical4j's.
 */
public final class HolidayFeed {
    private HolidayFeed() {}

    /**
     * The local dates (in {@code zone}) covered by the feed's events between {@code from} and {@code to} inclusive.
     *
     * @throws IllegalArgumentException when the text is not an iCalendar document, or holds no event
     */
    public static Set<LocalDate> holidays(String icalendar, ZoneId zone, LocalDate from, LocalDate to) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(icalendar));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid iCalendar feed: " + e.getMessage(), e);
        }
        var events = calendar.<VEvent>getComponents(Component.VEVENT);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("the iCalendar feed holds no events (VEVENT)");
        }
        Set<LocalDate> days = new TreeSet<>();
        for (VEvent event : events) {
            boolean allDay = event.getStartDate()
                    .map(start -> start.getDate() instanceof LocalDate)
                    .orElseThrow(() -> new IllegalArgumentException("an event of the feed has no DTSTART"));
            Period<? extends Temporal> window = allDay
                    ? new Period<>(from, to.plusDays(1))
                    : new Period<>(from.atStartOfDay(zone), to.plusDays(1).atStartOfDay(zone));
            for (Period<Temporal> occurrence : event.<Temporal>calculateRecurrenceSet(window)) {
                LocalDate first = localDate(occurrence.getStart(), zone);
                LocalDate end = localDate(occurrence.getEnd(), zone);
                // All-day events end exclusively (DTEND is the next day); a timed event covers its end's day too.
                LocalDate last = allDay ? end.minusDays(1) : end;
                if (last.isBefore(first)) {
                    last = first;
                }
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        days.add(d);
                    }
                }
            }
        }
        return days;
    }

    private static LocalDate localDate(Temporal t, ZoneId zone) {
        return switch (t) {
            case LocalDate d -> d;
            case LocalDateTime dt -> dt.toLocalDate();
            case ZonedDateTime z -> z.withZoneSameInstant(zone).toLocalDate();
            case OffsetDateTime o -> o.atZoneSameInstant(zone).toLocalDate();
            default -> LocalDate.from(t);
        };
    }
}
