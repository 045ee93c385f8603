package io.webcare.sla.policies;

/** A team's calendar as part of a policy version. */
public record CalendarView(String team, int policyVersion, CalendarSpec calendar) {
    static CalendarView of(ActivePolicy p) {
        return new CalendarView(p.team(), p.version(), p.document().calendarOrDefault());
    }
}
