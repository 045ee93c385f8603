package io.webcare.deploy.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code demo}: feeds the running stack a realistic mix of Dutch and English social messages through ingest's
 * contact-centre API, then shows the cases the agents get: carla's (complaint team) and wendy's (webcare team).
 *
 * <pre>
 * demo [--count n] [--over seconds] [--rate msgs/s] [--wait seconds]
 * </pre>
 *
 * By default every scripted message once, spread over 60 s; {@code --count} beyond the script repeats it.
 */
public final class DemoFeed {

    static final String USAGE =
            "demo [--count n] [--over seconds (default 60)] [--rate msgs/s] [--wait seconds (default 60)]";

    /** The agents whose view of the cases the demo shows: one per team (local realm users). */
    static final List<Agent> AGENTS = List.of(new Agent("complaints", "carla"), new Agent("webcare", "wendy"));

    record Agent(String team, String username) {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StackClient client;
    private final PrintStream out;

    public DemoFeed(StackClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    public static int main(List<String> args, PrintStream out) {
        CliArgs cli = CliArgs.parse(args, CliArgs.names("count", "over", "rate", "wait"));
        List<DemoMessage> script = DemoMessages.load();
        int count = cli.intOption("count", script.size());
        double rate =
                cli.has("rate") ? cli.doubleOption("rate", 1) : count / Math.max(0.001, cli.doubleOption("over", 60));
        Duration wait = Duration.ofSeconds(cli.intOption("wait", 60));
        if (count < 1 || rate <= 0) {
            throw new IllegalArgumentException("count and rate must be positive. Usage: " + USAGE);
        }
        StackConfig config = StackConfig.fromEnv();
        boolean complete = new DemoFeed(new StackClient(config), out).run(plan(script, count, runId()), rate, wait);
        return complete ? 0 : 2;
    }

    /** A short id that makes this run's external ids new to ingest. */
    static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The messages of one run, in script order, repeated as needed, each with an external id unique to the run. */
    static List<Planned> plan(List<DemoMessage> script, int count, String runId) {
        List<Planned> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DemoMessage message = script.get(i % script.size());
            String externalId = "demo-" + runId + "-" + (i + 1) + "-" + message.id();
            planned.add(new Planned(message, externalId));
        }
        return planned;
    }

    record Planned(DemoMessage message, String externalId) {}

    record Sent(Planned planned, IngestReceipt receipt) {}

    /** Sends, then shows the cases; true when every message was accepted and every expected case appeared. */
    boolean run(List<Planned> planned, double ratePerSecond, Duration wait) {
        StackConfig config = client.config();
        out.printf(
                "Posting %d messages to %s at %.2f msg/s (about %d s) as contact-centre%n",
                planned.size(), config.ingestUrl(), ratePerSecond, Math.round(planned.size() / ratePerSecond));
        String token = client.integrationToken();
        long start = System.nanoTime();
        long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            LockSupport.parkNanos(start + i * intervalNanos - System.nanoTime()); // pacing, not a wait for an outcome
            Planned p = planned.get(i);
            DemoMessage m = p.message();
            try {
                token = client.integrationToken(); // renewed when close to expiry
                IngestReceipt receipt = client.postMessage(m.toIngest(p.externalId(), Instant.now()), token);
                sent.add(new Sent(p, receipt));
                out.printf(
                        "%s %-9s %-7s %-26s %-13s %s %s -> %d %s%s%n",
                        now(),
                        m.channel(),
                        m.visibility(),
                        abbreviate(m.author().handle() + followers(m.author()), 26),
                        m.intent() + "/" + m.language(),
                        quote(m.text(), 60),
                        m.tags().isEmpty() ? "" : m.tags(),
                        receipt.status(),
                        abbreviate(String.valueOf(receipt.messageId()), 8),
                        receipt.duplicate() ? " (duplicate)" : "");
            } catch (RuntimeException e) {
                out.printf("%s FAILED %s: %s%n", now(), p.externalId(), e.getMessage());
            }
        }
        return showCases(sent, wait) && sent.size() == planned.size();
    }

    private boolean showCases(List<Sent> sent, Duration wait) {
        out.printf(
                "%nWaiting up to %d s for the cases (as %s)...%n",
                wait.toSeconds(), AGENTS.stream().map(Agent::username).toList());
        Map<String, Found> found = new LinkedHashMap<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (Sent s : sent) {
                if (!found.containsKey(s.receipt().messageId())) {
                    Found f = lookUp(s.receipt().messageId());
                    if (f != null) {
                        found.put(s.receipt().messageId(), f);
                    }
                }
            }
            boolean allExpected = sent.stream()
                    .filter(s -> s.planned().message().expectsCase())
                    .allMatch(s -> found.containsKey(s.receipt().messageId()));
            if (allExpected || System.nanoTime() > deadline) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // polling interval
        }
        out.printf("%n%-9s %-11s %-8s %-9s %-12s %s%n", "case", "team", "priority", "status", "intent", "message");
        for (Sent s : sent) {
            DemoMessage m = s.planned().message();
            Found f = found.get(s.receipt().messageId());
            if (f == null) {
                out.printf(
                        "%-9s %-11s %-8s %-9s %-12s %s%n",
                        "-", "-", "-", m.expectsCase() ? "NO CASE" : "none", m.intent(), quote(m.text(), 70));
            } else {
                JsonNode c = f.caseJson();
                out.printf(
                        "%-9s %-11s %-8s %-9s %-12s %s%n",
                        abbreviate(c.path("caseId").asText("?"), 8),
                        c.path("team").asText(f.team()),
                        c.path("priority").asText("?"),
                        c.path("status").asText("?"),
                        m.intent(),
                        quote(m.text(), 70));
            }
        }
        long expected =
                sent.stream().filter(s -> s.planned().message().expectsCase()).count();
        long seen = sent.stream()
                .filter(s -> s.planned().message().expectsCase())
                .filter(s -> found.containsKey(s.receipt().messageId()))
                .count();
        out.printf(
                "%n%d of %d expected cases visible to %s.%n",
                seen, expected, AGENTS.stream().map(Agent::username).toList());
        if (lastLookUpError != null && seen < expected) {
            out.printf("Last error while looking: %s%n", lastLookUpError);
        }
        return seen == expected;
    }

    private record Found(String team, JsonNode caseJson) {}

    private String lastLookUpError;

    /** The case of the message as one of the agents sees it; null while none does (or case-service is away). */
    private Found lookUp(String messageId) {
        try {
            for (Agent agent : AGENTS) {
                List<JsonNode> cases = client.casesByMessageId(messageId, client.userToken(agent.username()));
                if (!cases.isEmpty()) {
                    return new Found(agent.team(), cases.getFirst());
                }
            }
        } catch (RuntimeException e) {
            lastLookUpError = e.getMessage();
        }
        return null;
    }

    private static String now() {
        return LocalTime.now(ZoneId.systemDefault()).format(CLOCK);
    }

    private static String followers(IngestMessage.Author author) {
        Integer n = author.followers();
        String reach = n == null || n < 1000 ? "" : String.format(Locale.ROOT, " %.1fk", n / 1000.0);
        return reach + (Boolean.TRUE.equals(author.verified()) ? " ✓" : "");
    }

    static String quote(String text, int max) {
        return "\"" + abbreviate(text.replace('\n', ' '), max) + "\"";
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
