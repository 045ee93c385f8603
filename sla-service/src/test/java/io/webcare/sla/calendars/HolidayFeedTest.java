package io.webcare.sla.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HolidayFeedTest {
    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    static final String FEED = String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//webcare//holidays test//EN",
            "BEGIN:VEVENT",
            "UID:kingsday@test",
            "DTSTAMP:20260101T000000Z",
            "DTSTART;VALUE=DATE:20260427",
            "DTEND;VALUE=DATE:20260428",
            "SUMMARY:Koningsdag",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:christmas@test",
            "DTSTAMP:20260101T000000Z",
            "DTSTART;VALUE=DATE:20251225",
            "DTEND;VALUE=DATE:20251227",
            "RRULE:FREQ=YEARLY",
            "SUMMARY:Kerst (twee dagen, elk jaar)",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:newyear@test",
            "DTSTAMP:20260101T000000Z",
            "DTSTART;VALUE=DATE:20250101",
            "RRULE:FREQ=YEARLY",
            "EXDATE;VALUE=DATE:20270101",
            "SUMMARY:Nieuwjaarsdag",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void allDayEventsMultiDayEventsAndYearlyRecurrencesBecomeHolidays() {
        var days = HolidayFeed.holidays(FEED, AMS, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"));
        assertThat(days)
                .containsExactly(
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-04-27"),
                        LocalDate.parse("2026-12-25"),
                        LocalDate.parse("2026-12-26"),
                        LocalDate.parse("2027-12-25"),
                        LocalDate.parse("2027-12-26"));
    }

    @Test
    void aTimedEventCoversItsLocalDay() {
        String feed = String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//webcare//test//EN",
                "BEGIN:VEVENT",
                "UID:closed@test",
                "DTSTAMP:20260101T000000Z",
                "DTSTART:20261231T230000Z",
                "DTEND:20261231T233000Z",
                "SUMMARY:Closed",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        assertThat(HolidayFeed.holidays(feed, AMS, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31")))
                .containsExactly(LocalDate.parse("2027-01-01"));
    }

    @Test
    void somethingThatIsNotICalendarIsRefusedWithAReason() {
        assertThatThrownBy(() -> HolidayFeed.holidays(
                        "hello", AMS, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid iCalendar feed");
        assertThatThrownBy(() -> HolidayFeed.holidays(
                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n",
                        AMS,
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31")))
                .hasMessageContaining("no events");
    }
}
