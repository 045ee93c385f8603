package io.webcare.routing.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.webcare.contract.problem.ProblemException;
import io.webcare.routing.analysis.AnalysisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing rules in force: stored versioned in routing's database (each change a new version, which is also its
 * audit record), validated before they are saved, and cached for the router, which re-reads the newest version at
 * most every {@code webcare.routing.rules.refresh} (so every instance follows a change within that time).
 */
@ApplicationScoped
public class RuleService {
    static final String DEFAULT_RULES = "rules/default-rules.json";

    /** A version of the rules as the API shows it. */
    public record Versioned(long version, String changedBy, Instant changedAt, String comment, RuleSet rules) {}

    private final RuleSetRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final RuleSetValidator validator;
    private final Duration refresh;
    private volatile Versioned cached;
    private volatile Instant cachedAt = Instant.MIN;

    public RuleService(
            RuleSetRepository repository,
            ObjectMapper json,
            Clock clock,
            AnalysisSettings analysis,
            @ConfigProperty(name = "webcare.routing.rules.refresh", defaultValue = "PT5S") Duration refresh) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.validator = new RuleSetValidator(new HashSet<>(analysis.languages()));
        this.refresh = refresh;
    }

    /** On first start the rules are the defaults of the domain, version 1, saved by "system". */
    void seed(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.newest().isEmpty()) {
                RuleSetVersion first = new RuleSetVersion();
                first.version = 1;
                first.rules = write(defaults());
                first.changedBy = "system";
                first.changedAt = clock.instant();
                first.comment = "the default rules of the domain";
                repository.insertIfAbsent(first);
            }
        });
    }

    public RuleSet defaults() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEFAULT_RULES)) {
            return json.readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RULES, e);
        }
    }

    /** The rules in force, at most {@code refresh} old. */
    public Versioned current() {
        Versioned rules = cached;
        if (rules == null || clock.instant().isAfter(cachedAt.plus(refresh))) {
            rules = QuarkusTransaction.joiningExisting()
                    .call(() -> repository.newest().map(this::view).orElseThrow());
            cached = rules;
            cachedAt = clock.instant();
        }
        return rules;
    }

    public List<Versioned> history() {
        return repository.history().stream().map(this::view).toList();
    }

    public Versioned version(long version) {
        return repository
                .findByIdOptional(version)
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("no routing rules version " + version));
    }

    /**
     * Saves {@code rules} as the next version after {@code basedOn}; 409 when someone saved another version since, 400
     * (with every problem) when the rules are not valid.
     */
    public Versioned replace(long basedOn, RuleSet rules, String comment, String by) {
        List<String> problems = validator.problems(rules);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        Versioned saved = QuarkusTransaction.requiringNew().call(() -> {
            long newest = repository.newest().map(v -> v.version).orElse(0L);
            if (newest != basedOn) {
                throw ProblemException.conflict("the rules are at version " + newest + ", not " + basedOn
                        + ": read them again and apply your change to that version");
            }
            RuleSetVersion next = new RuleSetVersion();
            next.version = newest + 1;
            next.rules = write(rules);
            next.changedBy = by;
            next.changedAt = clock.instant();
            next.comment = comment;
            if (!repository.insertIfAbsent(next)) {
                throw ProblemException.conflict("someone else saved version " + next.version + " just now");
            }
            return view(next);
        });
        cached = saved;
        cachedAt = clock.instant();
        return saved;
    }

    private Versioned view(RuleSetVersion v) {
        try {
            return new Versioned(
                    v.version, v.changedBy, v.changedAt, v.comment, json.readValue(v.rules, RuleSet.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing rules version " + v.version + " cannot be read", e);
        }
    }

    private String write(RuleSet rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rules cannot be written", e);
        }
    }
}
