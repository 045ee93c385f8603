package io.webcare.ingest.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The simulator's memory: what was posted, and the failures it was told to answer with. */
@ApplicationScoped
public class SimulatedPlatforms {
    private final SimulatorConfig config;
    private final Deque<SimulatedPost> posts = new ConcurrentLinkedDeque<>();
    private final List<Pending> failures = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

    public SimulatorConfig config() {
        return config;
    }

    public SimulatedPlatforms(SimulatorConfig config) {
        this.config = config;
    }

    private static final class Pending {
        final SimulatedFailure failure;
        int left;

        Pending(SimulatedFailure failure) {
            this.failure = failure;
            this.left = failure.count();
        }
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    void record(SimulatedPost post) {
        posts.addLast(post);
        while (posts.size() > config.maxPosts()) {
            posts.pollFirst();
        }
    }

    List<SimulatedPost> posts(Predicate<SimulatedPost> filter) {
        return posts.stream().filter(filter).toList();
    }

    void clear() {
        posts.clear();
        synchronized (failures) {
            failures.clear();
        }
    }

    void failNext(SimulatedFailure failure) {
        synchronized (failures) {
            failures.add(new Pending(failure));
        }
    }

    /** The failure to answer this call with, if one is pending for it (and counts it down). */
    Optional<SimulatedFailure> takeFailure(String platform, String to) {
        synchronized (failures) {
            for (Iterator<Pending> it = failures.iterator(); it.hasNext(); ) {
                Pending pending = it.next();
                SimulatedFailure f = pending.failure;
                boolean platformMatches =
                        f.platform().equals("any") || f.platform().equals(platform);
                boolean targetMatches = f.to() == null || f.to().equals(to);
                if (platformMatches && targetMatches) {
                    if (--pending.left <= 0) {
                        it.remove();
                    }
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
