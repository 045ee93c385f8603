package io.webcare.sla.policies;

import io.webcare.sla.calendars.BusinessCalendar;
import io.webcare.sla.calendars.OpeningPeriod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team's calendar as team leads write it: 24/7, or weekly opening hours in a time zone with holidays.
 *
 * @param hours per day of the week ({@code MONDAY}..{@code SUNDAY}), the opening periods, e.g. {@code [{"from":
 *     "09:00", "to": "17:00"}]}; a day that is absent is closed
 */
public record CalendarSpec(
        boolean twentyFourSeven,
        String zone,
        Map<DayOfWeek, List<@Valid @NotNull Period>> hours,
        @Size(max = 2000) List<@NotNull LocalDate> holidays) {

    public record Period(@NotNull String from, @NotNull String to) {}

    public static CalendarSpec alwaysOpen() {
        return new CalendarSpec(true, null, null, List.of());
    }

    /** The calendar this describes; {@link IllegalArgumentException} with a reason a team lead can act on. */
    public BusinessCalendar toCalendar() {
        if (twentyFourSeven) {
            return BusinessCalendar.twentyFourSeven();
        }
        if (zone == null) {
            throw new IllegalArgumentException(
                    "a calendar with opening hours needs a time zone, e.g. Europe/Amsterdam");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone: " + zone);
        }
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((day, periods) -> week.put(
                    day,
                    periods.stream()
                            .map(p -> OpeningPeriod.of(p.from(), p.to()))
                            .toList()));
        }
        return BusinessCalendar.weekly(zoneId, week, holidays == null ? Set.of() : Set.copyOf(holidays));
    }
}
