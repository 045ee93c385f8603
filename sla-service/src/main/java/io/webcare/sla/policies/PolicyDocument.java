package io.webcare.sla.policies;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.SlaClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A team's SLA policy as a team lead writes it (one version of it). Everything but {@code defaults} may be left out.
 *
 * @param replyWindowWarning how long before the platform's reply window closes a warning is announced (default 2 h)
 */
public record PolicyDocument(
        @Valid @NotNull Targets defaults,
        @Size(max = 50) List<@Valid @NotNull PolicyOverride> overrides,
        @Valid CalendarSpec calendar,
        Duration replyWindowWarning) {

    static final Duration DEFAULT_REPLY_WINDOW_WARNING = Duration.ofHours(2);

    /**
     * Checks what annotations cannot: positive durations, a calendar that has open time, thresholds in order.
     *
     * @throws IllegalArgumentException with a reason a team lead can act on
     */
    public void validate() {
        requirePositive("defaults.firstResponse", defaults.firstResponse(), true);
        requirePositive("defaults.resolution", defaults.resolution(), true);
        requirePositive("defaults.nextResponse", defaults.nextResponse(), false);
        requireThresholds("defaults", defaults);
        if (overrides != null) {
            for (int i = 0; i < overrides.size(); i++) {
                PolicyOverride o = overrides.get(i);
                String where = "overrides[" + i + "]";
                if (o.priority() == null && o.channel() == null) {
                    throw new IllegalArgumentException(where + " needs a priority, a channel or both");
                }
                requirePositive(where + ".firstResponse", o.targets().firstResponse(), false);
                requirePositive(where + ".resolution", o.targets().resolution(), false);
                requirePositive(where + ".nextResponse", o.targets().nextResponse(), false);
                requireThresholds(where, o.targets());
                for (int j = 0; j < i; j++) {
                    PolicyOverride other = overrides.get(j);
                    if (java.util.Objects.equals(other.priority(), o.priority()) && other.channel() == o.channel()) {
                        throw new IllegalArgumentException(
                                where + " repeats overrides[" + j + "] (same priority and channel)");
                    }
                }
            }
        }
        requirePositive("replyWindowWarning", replyWindowWarning, false);
        if (calendar != null) {
            calendar.toCalendar();
        }
    }

    /** The effective targets for a case of this priority and channel. */
    public EffectiveTargets effective(int priority, Channel channel) {
        List<PolicyOverride> matching = new ArrayList<>();
        if (overrides != null) {
            overrides.stream().filter(o -> o.matches(priority, channel)).forEach(matching::add);
        }
        matching.sort(Comparator.comparingInt(PolicyOverride::specificity)); // least specific first, most last
        Duration firstResponse = defaults.firstResponse();
        Duration resolution = defaults.resolution();
        Duration nextResponse = defaults.nextResponse();
        List<Integer> warnings = orDefault(defaults.warningPercents(), List.of(75));
        List<Integer> escalations = orDefault(defaults.escalationPercents(), List.of(100, 200));
        for (PolicyOverride o : matching) {
            Targets t = o.targets();
            firstResponse = Optional.ofNullable(t.firstResponse()).orElse(firstResponse);
            resolution = Optional.ofNullable(t.resolution()).orElse(resolution);
            nextResponse = Optional.ofNullable(t.nextResponse()).orElse(nextResponse);
            warnings = orDefault(t.warningPercents(), warnings);
            escalations = orDefault(t.escalationPercents(), escalations);
        }
        return new EffectiveTargets(
                firstResponse,
                resolution,
                nextResponse,
                warnings.stream().sorted().distinct().toList(),
                escalations.stream().sorted().distinct().toList());
    }

    public Duration replyWindowWarningOrDefault() {
        return replyWindowWarning == null ? DEFAULT_REPLY_WINDOW_WARNING : replyWindowWarning;
    }

    public CalendarSpec calendarOrDefault() {
        return calendar == null ? CalendarSpec.alwaysOpen() : calendar;
    }

    public PolicyDocument withCalendar(CalendarSpec newCalendar) {
        return new PolicyDocument(defaults, overrides, newCalendar, replyWindowWarning);
    }

    private static <T> List<T> orDefault(List<T> value, List<T> fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static void requirePositive(String field, Duration d, boolean required) {
        if (d == null) {
            if (required) {
                throw new IllegalArgumentException(field + " is required (ISO-8601, e.g. PT1H)");
            }
            return;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, not " + d);
        }
    }

    private static void requireThresholds(String where, Targets t) {
        if (t.escalationPercents() != null
                && !t.escalationPercents().isEmpty()
                && !t.escalationPercents().contains(100)) {
            throw new IllegalArgumentException(
                    where + ".escalationPercents must contain 100 (level 1 is the breach of the target)");
        }
    }

    /** The targets of one case. */
    public record EffectiveTargets(
            Duration firstResponse,
            Duration resolution,
            Duration nextResponse,
            List<Integer> warningPercents,
            List<Integer> escalationPercents) {

        /** The target of a clock kind; null when the policy has none (next response is optional). */
        public Duration target(SlaClock clock) {
            return switch (clock) {
                case FIRST_RESPONSE -> firstResponse;
                case RESOLUTION -> resolution;
                case NEXT_RESPONSE -> nextResponse;
                case REPLY_WINDOW -> null;
            };
        }
    }
}
