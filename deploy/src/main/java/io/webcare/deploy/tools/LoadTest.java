package io.webcare.deploy.tools;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code load}: pushes n messages through the running stack (ingest REST, contact-centre token) and measures, per
 * message, the time from sending the HTTP request to
 *
 * <ol>
 *   <li>the {@code webcare.case.opened.v1} event on {@code webcare.cases} whose {@code firstMessageId} is the
 *       messageId ingest returned, and
 *   <li>the {@code webcare.sla.clock-started.v1} events on {@code webcare.sla} for that case (all expected clocks).
 * </ol>
 *
 * Events are read by a group-less consumer positioned at the end of both topics before the first send, so the
 * figures include every hop: ingest, outbox relay, routing, case, sla and the broker.
 *
 * <pre>
 * load &lt;n&gt; [--rate msgs/s] [--concurrency c] [--timeout seconds]
 * </pre>
 *
 * Exits non-zero when a message was refused or an event never arrived within the timeout.
 */
public final class LoadTest {

    static final String USAGE = "load <n> [--rate msgs/s (default: as fast as --concurrency allows)] "
            + "[--concurrency c (default 8)] [--timeout seconds to wait for events after the last send (default 60)]";

    /** The default SLA policy starts both; a case counts as "clocks started" when all of these were announced. */
    static final Set<String> EXPECTED_CLOCKS = Set.of("first-response", "resolution");

    private final StackClient client;
    private final PrintStream out;

    public LoadTest(StackClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int main(List<String> args, PrintStream out) {
        CliArgs cli = CliArgs.parse(args, CliArgs.names("rate", "concurrency", "timeout"));
        if (cli.positional().size() != 1) {
            throw new IllegalArgumentException("Usage: " + USAGE);
        }
        int n = Integer.parseInt(cli.positional().getFirst());
        double rate = cli.doubleOption("rate", 0);
        int concurrency = cli.intOption("concurrency", 8);
        Duration timeout = Duration.ofSeconds(cli.intOption("timeout", 60));
        if (n < 1 || concurrency < 1 || rate < 0) {
            throw new IllegalArgumentException(
                    "n and concurrency must be positive, rate not negative. Usage: " + USAGE);
        }
        Result result = new LoadTest(new StackClient(StackConfig.fromEnv()), out).run(n, rate, concurrency, timeout);
        return result.allArrived() && result.errors() == 0 ? 0 : 2;
    }

    /** The figures of one run. */
    public record Result(
            int sent,
            int accepted,
            int duplicates,
            int errors,
            Duration sendWindow,
            Duration endToEndWindow,
            LatencyRecorder caseOpened,
            LatencyRecorder clocksStarted,
            int caseOpenedMissing,
            int clocksMissing,
            List<String> missingSamples) {

        public boolean allArrived() {
            return caseOpenedMissing == 0 && clocksMissing == 0;
        }
    }

    /** What the tap saw: first arrival of each case and of each of its clocks. */
    static final class Observed {
        final Map<String, CaseSeen> caseByFirstMessageId = new ConcurrentHashMap<>();
        final Map<String, Map<String, Long>> clockNanosByCaseId = new ConcurrentHashMap<>();

        record CaseSeen(String caseId, long nanos) {}

        void accept(StackEvent event) {
            if (StackEvent.CASE_OPENED.equals(event.type())) {
                String firstMessageId = event.text("firstMessageId");
                String caseId = event.text("caseId");
                if (firstMessageId != null && caseId != null) {
                    caseByFirstMessageId.putIfAbsent(firstMessageId, new CaseSeen(caseId, event.receivedNanos()));
                }
            } else if (StackEvent.CLOCK_STARTED.equals(event.type())) {
                String caseId = event.text("caseId");
                String clock = event.text("clock");
                if (caseId != null) {
                    clockNanosByCaseId
                            .computeIfAbsent(caseId, id -> new ConcurrentHashMap<>())
                            .putIfAbsent(clock == null ? "?" : clock, event.receivedNanos());
                }
            }
        }

        CaseSeen caseFor(String messageId) {
            return caseByFirstMessageId.get(messageId);
        }

        /** When the last expected clock of the message's case started, or null while one is still missing. */
        Long clocksCompleteNanos(String messageId) {
            CaseSeen seen = caseFor(messageId);
            Map<String, Long> clocks = seen == null ? null : clockNanosByCaseId.get(seen.caseId());
            if (clocks == null || !clocks.keySet().containsAll(EXPECTED_CLOCKS)) {
                return null;
            }
            return EXPECTED_CLOCKS.stream().mapToLong(clocks::get).max().orElseThrow();
        }
    }

    public Result run(int n, double ratePerSecond, int concurrency, Duration timeout) {
        StackConfig config = client.config();
        List<IngestMessage> messages = messages(n, DemoFeed.runId());
        out.printf(
                "load: %d messages to %s (%s, concurrency %d); watching %s and %s on %s%n",
                n,
                config.ingestUrl(),
                ratePerSecond > 0 ? String.format(Locale.ROOT, "%.1f msg/s", ratePerSecond) : "rate unlimited",
                concurrency,
                StackEvent.CASES_TOPIC,
                StackEvent.SLA_TOPIC,
                config.kafkaBootstrapServers());
        client.integrationToken(); // fail fast on Keycloak before anything is sent

        Observed observed = new Observed();
        try (EventTap tap = EventTap.fromEnd(
                config.kafkaBootstrapServers(), List.of(StackEvent.CASES_TOPIC, StackEvent.SLA_TOPIC))) {
            tap.start(observed::accept);
            Sending sending = sendAll(messages, ratePerSecond, concurrency);
            out.printf(
                    "sent %d in %.1f s; waiting up to %d s for the events...%n",
                    n, seconds(sending.endNanos() - sending.startNanos()), timeout.toSeconds());
            awaitEvents(sending.acceptedMessageIds(), observed, timeout);
            Result result = measure(sending, observed);
            print(result, timeout, sending.errorSamples());
            return result;
        }
    }

    /** What sending produced: per message its send time and, when accepted, its messageId (index = message). */
    record Sending(
            long startNanos,
            long endNanos,
            long[] sendNanos,
            String[] messageIds,
            int duplicates,
            int errors,
            List<String> errorSamples) {

        List<String> acceptedMessageIds() {
            return Arrays.stream(messageIds).filter(Objects::nonNull).toList();
        }
    }

    /** Posts every message, at most {@code concurrency} in flight, paced to the rate if one is given. */
    private Sending sendAll(List<IngestMessage> messages, double ratePerSecond, int concurrency) {
        int n = messages.size();
        long[] sendNanos = new long[n];
        String[] messageIds = new String[n];
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastResponseNanos = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        long intervalNanos = ratePerSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond) : 0;

        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (intervalNanos > 0) {
                LockSupport.parkNanos(start + i * intervalNanos - System.nanoTime()); // pacing
            }
            inFlight.acquireUninterruptibly();
            int index = i;
            String token = client.integrationToken(); // cached; renewed shortly before expiry
            sendNanos[index] = System.nanoTime();
            client.postMessageAsync(messages.get(index), token).whenComplete((receipt, failure) -> {
                lastResponseNanos.accumulateAndGet(System.nanoTime(), Math::max);
                if (failure != null) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(describe(failure));
                    }
                } else if (receipt.duplicate()) {
                    duplicates.incrementAndGet();
                } else {
                    messageIds[index] = receipt.messageId();
                }
                inFlight.release(); // publishes the writes above to the thread that acquires all permits below
            });
        }
        try {
            if (!inFlight.tryAcquire(concurrency, 2, TimeUnit.MINUTES)) {
                out.println("warning: some requests had no answer after 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Sending(
                start,
                Math.max(lastResponseNanos.get(), start),
                sendNanos,
                messageIds,
                duplicates.get(),
                errors.get(),
                List.copyOf(errorSamples));
    }

    /** Until every accepted message's case and clocks were seen, or the timeout passed. */
    private static void awaitEvents(List<String> messageIds, Observed observed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && !messageIds.stream().allMatch(id -> observed.clocksCompleteNanos(id) != null)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // polling interval
        }
    }

    static Result measure(Sending sending, Observed observed) {
        LatencyRecorder caseOpened = new LatencyRecorder();
        LatencyRecorder clocksStarted = new LatencyRecorder();
        int accepted = 0;
        int caseMissing = 0;
        int clocksMissing = 0;
        List<String> missingSamples = new ArrayList<>();
        long lastCaseNanos = sending.startNanos();
        for (int i = 0; i < sending.messageIds().length; i++) {
            String messageId = sending.messageIds()[i];
            if (messageId == null) {
                continue; // refused or a duplicate: nothing to wait for
            }
            accepted++;
            long sentAt = sending.sendNanos()[i];
            Observed.CaseSeen seen = observed.caseFor(messageId);
            if (seen == null) {
                caseMissing++;
                if (missingSamples.size() < 5) {
                    missingSamples.add(messageId);
                }
            } else {
                caseOpened.record(Duration.ofNanos(seen.nanos() - sentAt));
                lastCaseNanos = Math.max(lastCaseNanos, seen.nanos());
            }
            Long clocks = observed.clocksCompleteNanos(messageId);
            if (clocks == null) {
                clocksMissing++;
            } else {
                clocksStarted.record(Duration.ofNanos(clocks - sentAt));
            }
        }
        return new Result(
                sending.messageIds().length,
                accepted,
                sending.duplicates(),
                sending.errors(),
                Duration.ofNanos(sending.endNanos() - sending.startNanos()),
                Duration.ofNanos(lastCaseNanos - sending.startNanos()),
                caseOpened,
                clocksStarted,
                caseMissing,
                clocksMissing,
                List.copyOf(missingSamples));
    }

    private void print(Result r, Duration timeout, List<String> errorSamples) {
        out.println();
        out.printf("sent                     %d%n", r.sent());
        out.printf("accepted (202, new)      %d%n", r.accepted());
        out.printf("duplicates               %d%n", r.duplicates());
        out.printf("errors                   %d%n", r.errors());
        errorSamples.forEach(e -> out.printf("  e.g. %s%n", e));
        out.printf(
                "throughput, send window  %.1f msg/s accepted (%d in %.2f s, first send to last answer)%n",
                perSecond(r.accepted(), r.sendWindow()),
                r.accepted(),
                seconds(r.sendWindow().toNanos()));
        long opened = r.caseOpened().count();
        out.printf(
                "throughput, end to end   %.1f cases/s (%d in %.2f s, first send to last case opened)%n",
                perSecond(opened, r.endToEndWindow()),
                opened,
                seconds(r.endToEndWindow().toNanos()));
        out.printf(
                "ingest -> case opened    %s   (%d arrived, %d never within %d s)%n",
                r.caseOpened().summary(), opened, r.caseOpenedMissing(), timeout.toSeconds());
        r.missingSamples().forEach(id -> out.printf("  no case opened for messageId %s%n", id));
        out.printf(
                "ingest -> clocks started %s   (%d complete %s, %d never within %d s)%n",
                r.clocksStarted().summary(),
                r.clocksStarted().count(),
                EXPECTED_CLOCKS.stream().sorted().toList(),
                r.clocksMissing(),
                timeout.toSeconds());
    }

    /**
     * n distinct messages that each need an answer (the scripted complaints and questions), each from its own author
     * and without a thread, so every one opens a case of its own with SLA clocks.
     */
    static List<IngestMessage> messages(int n, String runId) {
        List<DemoMessage> needAnswer = DemoMessages.load().stream()
                .filter(m -> m.intent().equals("complaint") || m.intent().equals("question"))
                .toList();
        List<IngestMessage> messages = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            DemoMessage template = needAnswer.get(i % needAnswer.size());
            String authorId = "load-" + runId + "-" + i;
            IngestMessage.Author author =
                    new IngestMessage.Author(authorId, "@load_" + runId + "_" + i, "Load Test " + i, 100, false);
            messages.add(new IngestMessage(
                    template.channel(),
                    DemoMessage.ACCOUNT_ID,
                    authorId,
                    template.channel().equals("whatsapp") ? authorId : null,
                    template.visibility(),
                    author,
                    template.text(),
                    now));
        }
        return messages;
    }

    /** The root cause in one line (a refused connection has no message of its own). */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double perSecond(long count, Duration window) {
        return window.isZero() ? 0 : count / seconds(window.toNanos());
    }
}
