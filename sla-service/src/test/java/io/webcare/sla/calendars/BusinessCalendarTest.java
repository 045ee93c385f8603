package io.webcare.sla.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    static Instant ams(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMS).toInstant();
    }

    static BusinessCalendar officeHours(Set<LocalDate> holidays) {
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, List.of(OpeningPeriod.of("09:00", "17:00")));
        }
        return BusinessCalendar.weekly(AMS, week, holidays);
    }

    static BusinessCalendar nightShifts() {
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(OpeningPeriod.of("00:00", "06:00")));
        }
        return BusinessCalendar.weekly(AMS, week, Set.of());
    }

    @Test
    void twentyFourSevenCountsRealTime() {
        var calendar = BusinessCalendar.twentyFourSeven();
        Instant start = Instant.parse("2026-03-29T00:30:00Z");
        assertThat(calendar.plusBusinessTime(start, Duration.ofHours(24))).isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(calendar.businessTimeBetween(start, start.plusSeconds(3661))).isEqualTo(Duration.ofSeconds(3661));
        assertThat(calendar.isOpenAt(start)).isTrue();
    }

    @Test
    void anHourWithinOfficeHoursEndsAnHourLater() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T10:15"), Duration.ofHours(1)))
                .isEqualTo(ams("2026-11-24T11:15"));
    }

    @Test
    void aMessageAtNightStartsCountingAtOpeningTime() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T22:00"), Duration.ofHours(1)))
                .isEqualTo(ams("2026-11-25T10:00"));
        assertThat(calendar.businessTimeBetween(ams("2026-11-24T22:00"), ams("2026-11-25T08:59")))
                .isZero();
        assertThat(calendar.isOpenAt(ams("2026-11-25T03:00"))).isFalse();
    }

    @Test
    void timeLeftAtClosingCarriesOverToTheNextWorkingDay() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T16:30"), Duration.ofHours(1)))
                .isEqualTo(ams("2026-11-25T09:30"));
    }

    @Test
    void aFridayAfternoonMessageIsDueOnMondayMorning() {
        var calendar = officeHours(Set.of());
        Instant friday = ams("2026-11-27T16:00");
        Instant due = calendar.plusBusinessTime(friday, Duration.ofHours(2));
        assertThat(due).isEqualTo(ams("2026-11-30T10:00"));
        assertThat(calendar.businessTimeBetween(friday, due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void twentyFourBusinessHoursAreThreeOfficeDays() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T09:00"), Duration.ofHours(24)))
                .isEqualTo(ams("2026-11-26T17:00"));
    }

    @Test
    void holidaysAreSkipped() {
        var calendar = officeHours(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")));
        // Thursday 24 Dec 16:00 + 2 h: 1 h on Thursday, Friday 25th and the weekend closed, Monday 28th a holiday.
        assertThat(calendar.plusBusinessTime(ams("2026-12-24T16:00"), Duration.ofHours(2)))
                .isEqualTo(ams("2026-12-29T10:00"));
        assertThat(calendar.businessTimeBetween(ams("2026-12-24T16:00"), ams("2026-12-29T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void severalPeriodsADaySkipTheBreakBetweenThem() {
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.TUESDAY, List.of(OpeningPeriod.of("13:00", "17:00"), OpeningPeriod.of("08:00", "12:00")));
        var calendar = BusinessCalendar.weekly(AMS, week, Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T11:30"), Duration.ofHours(1)))
                .isEqualTo(ams("2026-11-24T13:30"));
        assertThat(calendar.businessTimeBetween(ams("2026-11-24T07:00"), ams("2026-11-24T20:00")))
                .isEqualTo(Duration.ofHours(8));
        // Only Tuesdays are open: the remainder waits a week.
        assertThat(calendar.plusBusinessTime(ams("2026-11-24T16:00"), Duration.ofHours(2)))
                .isEqualTo(ams("2026-12-01T09:00"));
    }

    @Test
    void aNightShiftIsAnHourShorterWhenTheClocksGoForward() {
        var calendar = nightShifts();
        // 29 March 2026: 02:00 -> 03:00 in Europe/Amsterdam. The 00:00-06:00 shift lasts 5 h.
        assertThat(calendar.businessTimeBetween(ams("2026-03-29T00:00"), ams("2026-03-29T06:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(calendar.plusBusinessTime(ams("2026-03-29T01:30"), Duration.ofHours(1)))
                .isEqualTo(ams("2026-03-29T03:30"));
        assertThat(calendar.plusBusinessTime(ams("2026-03-29T00:00"), Duration.ofHours(6)))
                .isEqualTo(ams("2026-03-30T01:00"));
    }

    @Test
    void aNightShiftIsAnHourLongerWhenTheClocksGoBack() {
        var calendar = nightShifts();
        // 25 October 2026: 03:00 -> 02:00 in Europe/Amsterdam. The shift lasts 7 h.
        assertThat(calendar.businessTimeBetween(ams("2026-10-25T00:00"), ams("2026-10-25T06:00")))
                .isEqualTo(Duration.ofHours(7));
        Instant firstTwoThirty = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST
        assertThat(calendar.plusBusinessTime(firstTwoThirty, Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z")); // 02:30 CET, the second one
        assertThat(calendar.plusBusinessTime(ams("2026-10-25T00:00"), Duration.ofHours(7)))
                .isEqualTo(ams("2026-10-25T06:00"));
    }

    @Test
    void officeHoursAcrossADaylightSavingWeekendStayNineToFiveLocalTime() {
        var calendar = officeHours(Set.of());
        // Friday 23 Oct 16:00 CEST + 2 h lands at Monday 26 Oct 10:00 CET; the UTC offset changed in between.
        Instant due = calendar.plusBusinessTime(ams("2026-10-23T16:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(calendar.plusBusinessTime(ams("2026-03-27T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void aPeriodThatStartsInTheSkippedHourStartsWhenTheHourEnds() {
        Map<DayOfWeek, List<OpeningPeriod>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(OpeningPeriod.of("02:30", "04:00")));
        var calendar = BusinessCalendar.weekly(AMS, week, Set.of());
        assertThat(calendar.businessTimeBetween(ams("2026-03-29T00:00"), ams("2026-03-29T12:00")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void addingZeroInClosedTimeGivesTheNextOpening() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.plusBusinessTime(ams("2026-11-28T12:00"), Duration.ZERO))
                .isEqualTo(ams("2026-11-30T09:00"));
    }

    @Test
    void businessTimeBetweenIsTheInverseOfAdding() {
        var calendar = officeHours(Set.of(LocalDate.parse("2026-12-25")));
        Instant start = ams("2026-12-20T13:17");
        for (long seconds : new long[] {1, 59, 3600, 28_799, 28_800, 100_000, 500_000}) {
            Instant end = calendar.plusBusinessTime(start, Duration.ofSeconds(seconds));
            assertThat(calendar.businessTimeBetween(start, end)).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void endBeforeStartHasNoBusinessTime() {
        var calendar = officeHours(Set.of());
        assertThat(calendar.businessTimeBetween(ams("2026-11-24T12:00"), ams("2026-11-24T10:00")))
                .isZero();
    }

    @Test
    void aWeekWithoutOpenTimeOrOverlappingPeriodsIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.weekly(AMS, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one opening period");
        assertThatThrownBy(() -> BusinessCalendar.weekly(
                        AMS,
                        Map.of(
                                DayOfWeek.MONDAY,
                                List.of(OpeningPeriod.of("09:00", "12:00"), OpeningPeriod.of("11:00", "13:00"))),
                        Set.of()))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> OpeningPeriod.of("17:00", "09:00")).hasMessageContaining("runs forward");
        assertThatThrownBy(() -> OpeningPeriod.of("9:00", "17:00")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> OpeningPeriod.of("24:30", "24:00")).hasMessageContaining("not a time of day");
    }

    @Test
    void aCalendarWhoseOnlyOpenDaysAreHolidaysForeverFailsInsteadOfLooping() {
        Set<LocalDate> everyMonday = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.parse("2026-11-23"); d.getYear() < 2040; d = d.plusWeeks(1)) {
            everyMonday.add(d);
        }
        var calendar = BusinessCalendar.weekly(
                AMS, Map.of(DayOfWeek.MONDAY, List.of(OpeningPeriod.of("09:00", "10:00"))), everyMonday);
        assertThatThrownBy(() -> calendar.plusBusinessTime(ams("2026-11-24T09:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no open time within ten years");
    }
}
