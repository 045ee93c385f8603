package io.webcare.sla.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.contract.problem.ProblemException;
import io.webcare.sla.calendars.HolidayFeed;
import io.webcare.sla.clocks.SlaPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Versioned SLA policies per team. Version 1 of a team is the service's configured default (24/7), stored the first
 * time the team is seen; each change by a team lead is a new version. Clocks keep the version they started with.
 */
@ApplicationScoped
public class PolicyService {
    private final PolicyRepository policies;
    private final ObjectMapper json;
    private final SlaPolicyConfig defaults;
    private final Clock clock;
    private final Map<StoredPolicy.Key, ActivePolicy> versions = new ConcurrentHashMap<>();

    public PolicyService(PolicyRepository policies, ObjectMapper json, SlaPolicyConfig defaults, Clock clock) {
        this.policies = policies;
        this.json = json;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The team's newest policy version (version 1, the default, if no team lead changed it). */
    @Transactional
    public ActivePolicy current(String team) {
        StoredPolicy latest = policies.latest(team).orElseGet(() -> storeDefaultVersion(team));
        return versions.computeIfAbsent(new StoredPolicy.Key(team, latest.version), k -> activate(latest));
    }

    /** Stores version 1, the configured default, unless another transaction or instance just did. */
    private StoredPolicy storeDefaultVersion(String team) {
        var first = new StoredPolicy();
        first.team = team;
        first.version = 1;
        first.document = toJson(defaultDocument());
        first.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        first.createdBy = "default";
        policies.insertIfAbsent(first);
        return policies.version(team, 1).orElseThrow();
    }

    /** One version of a team's policy; versions never change, so they are cached. */
    @Transactional
    public ActivePolicy version(String team, int version) {
        ActivePolicy cached = versions.get(new StoredPolicy.Key(team, version));
        if (cached != null) {
            return cached;
        }
        // Version 1 is the configured default whether or not it was stored yet: clocks started before policies were
        // versioned (or before their team was first seen) count by it.
        StoredPolicy stored = policies.version(team, version)
                .or(() -> version == 1 ? Optional.of(storeDefaultVersion(team)) : Optional.empty())
                .orElseThrow(
                        () -> ProblemException.notFound("Team " + team + " has no policy version " + version + "."));
        return versions.computeIfAbsent(new StoredPolicy.Key(team, version), k -> activate(stored));
    }

    @Transactional
    public List<PolicyView> history(String team) {
        current(team);
        return policies.versions(team).stream()
                .map(p -> PolicyView.of(version(p.team, p.version)))
                .toList();
    }

    /** Stores {@code document} as the team's next version. */
    @Transactional
    public ActivePolicy replace(String team, PolicyDocument document, String by) {
        try {
            document.validate();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The policy is not valid: " + e.getMessage() + ".");
        }
        ActivePolicy previous = current(team);
        var next = new StoredPolicy();
        next.team = team;
        next.version = previous.version() + 1;
        next.document = toJson(document);
        next.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        next.createdBy = by;
        try {
            policies.persist(next);
            policies.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict(
                    "Someone else changed the policy of " + team + " at the same time; reload it and try again.");
        }
        return version(team, next.version);
    }

    /** A new version with only the calendar changed. */
    @Transactional
    public ActivePolicy replaceCalendar(String team, CalendarSpec calendar, String by) {
        return replace(team, current(team).document().withCalendar(calendar), by);
    }

    /**
     * Adds the holidays of an iCalendar feed (from {@code fromYear} through {@code toYear}) to the team's calendar, as a
     * new version.
     */
    @Transactional
    public ActivePolicy importHolidays(String team, String icalendar, int fromYear, int toYear, String by) {
        if (toYear < fromYear || toYear - fromYear > 10) {
            throw ProblemException.badRequest(
                    "Import holidays for 1 to 11 years: fromYear <= toYear <= fromYear + 10.");
        }
        CalendarSpec calendar = current(team).document().calendarOrDefault();
        if (calendar.twentyFourSeven()) {
            throw ProblemException.conflict(
                    "The calendar of " + team + " is 24/7, which has no holidays; set opening hours first.");
        }
        var holidays = new TreeSet<LocalDate>(calendar.holidays() == null ? List.of() : calendar.holidays());
        try {
            holidays.addAll(HolidayFeed.holidays(
                    icalendar, ZoneId.of(calendar.zone()), LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The holiday feed cannot be read: " + e.getMessage() + ".");
        }
        var merged = new CalendarSpec(false, calendar.zone(), calendar.hours(), List.copyOf(holidays));
        return replaceCalendar(team, merged, by);
    }

    PolicyDocument defaultDocument() {
        int warningPercent = (int) Math.round(defaults.warningAt() * 100);
        return new PolicyDocument(
                new Targets(
                        defaults.firstResponse(),
                        defaults.resolution(),
                        null,
                        List.of(warningPercent),
                        defaults.escalationPercents()),
                List.of(),
                CalendarSpec.alwaysOpen(),
                defaults.replyWindowWarning());
    }

    private ActivePolicy activate(StoredPolicy stored) {
        try {
            PolicyDocument document = json.readValue(stored.document, PolicyDocument.class);
            return new ActivePolicy(
                    stored.team,
                    stored.version,
                    document,
                    document.calendarOrDefault().toCalendar(),
                    stored.createdAt,
                    stored.createdBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored policy " + stored.team + " v" + stored.version + " is unreadable", e);
        }
    }

    private String toJson(PolicyDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a policy", e);
        }
    }
}
