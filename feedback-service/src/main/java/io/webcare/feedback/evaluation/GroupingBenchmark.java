package io.webcare.feedback.evaluation;

import io.webcare.feedback.grouping.Complaint;
import io.webcare.feedback.grouping.ComplaintGrouper;
import io.webcare.feedback.grouping.GroupingSettings;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The benchmark command: how many complaints per second the grouper places with {@code --groups} open groups (100,000
 * by default), on the calling thread, and how much heap it holds. Synthetic complaints in Dutch and English: each
 * "problem" has its own three rare words plus common complaint words; a message about a problem uses some of them,
 * a hashtag, sometimes a URL, a mention or a misspelling; a share of the messages is about a new problem.
 *
 * <pre>
 * ./mvnw -o -q -pl feedback-service dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * taskset -c 0 java -Xmx1g -cp feedback-service/target/classes:$(cat feedback-service/target/cp.txt) \
 *   io.webcare.feedback.evaluation.GroupingBenchmark --groups 100000 --messages 200000 [--meaning-weight 0]
 * </pre>
 */
public final class GroupingBenchmark {
    private static final String[] COMMON_NL = {
        "storing",
        "internet",
        "factuur",
        "bezorging",
        "pakket",
        "wifi",
        "modem",
        "bereik",
        "abonnement",
        "monteur",
        "afgeschreven",
        "dubbel",
        "kapot",
        "traag",
        "verbinding",
        "klantenservice",
        "wachten",
        "opzeggen",
        "levering",
        "rekening",
        "app",
        "inloggen",
        "storingen",
        "geld",
        "retour",
        "vertraging",
        "beltegoed",
        "tv",
        "zender"
    };
    private static final String[] COMMON_EN = {
        "outage", "internet", "bill", "delivery", "package", "wifi", "router", "signal", "subscription", "engineer",
        "charged", "twice", "broken", "slow", "connection", "support", "waiting", "cancel", "refund", "payment",
        "app", "login", "money", "return", "delay", "credit", "tv", "channel", "order"
    };
    private static final String[] FILLER_NL = {
        "al", "drie", "dagen", "geen", "weer", "echt", "niet", "sinds", "gisteren"
    };
    private static final String[] FILLER_EN = {
        "still", "no", "three", "days", "again", "really", "not", "since", "today"
    };

    private GroupingBenchmark() {}

    record Problem(String language, String[] words) {}

    public static void main(String[] args) {
        Map<String, List<String>> options = ClusteringEvaluation.options(args);
        int groups = intOption(options, "groups", 100_000);
        int messages = intOption(options, "messages", 200_000);
        double novel = Double.parseDouble(first(options, "novel", "0.05"));
        Random random = new Random(42);

        GroupingSettings settings = GroupingSettings.defaults().withMaxGroups(Math.max(groups, 1));
        if (options.containsKey("indexed-terms") || options.containsKey("query-terms")) {
            // --indexed-terms 10 --query-terms 8: the candidate search before issue 7, to compare its cost
            settings = settings.withIndexedTerms(intOption(options, "indexed-terms", settings.indexedTerms()))
                    .withQueryTerms(intOption(options, "query-terms", settings.queryTerms()));
        }
        if (options.containsKey("meaning-weight")) { // 0: lexical only, as before issue 7's word vectors
            settings = settings.withMeaningWeight(
                    Double.parseDouble(options.get("meaning-weight").getFirst()));
        }
        ComplaintGrouper grouper = new ComplaintGrouper(settings);
        List<Problem> problems = new ArrayList<>();
        Instant at = Instant.parse("2026-11-23T00:00:00Z");
        long started = System.nanoTime();
        while (grouper.size() < groups) {
            Problem problem = newProblem(random, problems.size());
            problems.add(problem);
            at = at.plusMillis(5);
            grouper.add(complaint(random, problem, at));
        }
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "seeded %,d open groups from %,d problems in %.1f s (%,.0f complaints/s)%n",
                grouper.size(),
                problems.size(),
                seedSeconds,
                problems.size() / seedSeconds);
        System.out.printf(Locale.ROOT, "heap in use after seeding: %,d MB%n", usedHeapMb());

        // Warm-up, then the measured run: most messages are about known problems, some about new ones.
        run(grouper, problems, random, messages / 10, novel, at);
        at = at.plusSeconds(3600);
        long[] latencies = new long[messages];
        int joined = 0;
        var threads = ManagementFactory.getThreadMXBean();
        long cpuBegin = threads.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            Problem problem;
            if (random.nextDouble() < novel) {
                problem = newProblem(random, problems.size());
                problems.add(problem);
            } else {
                problem = problems.get(zipf(random, problems.size()));
            }
            at = at.plusMillis(1);
            long t0 = System.nanoTime();
            var assignment = grouper.propose(complaint(random, problem, at));
            grouper.apply(assignment);
            latencies[i] = System.nanoTime() - t0;
            if (!assignment.newGroup()) {
                joined++;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "grouped %,d complaints in %.2f s wall, %.2f s CPU of the one thread: %,.0f complaints/s wall,"
                        + " %,.0f per CPU second; %.1f%% joined a group; latency p50 %.0f µs, p99 %.0f µs, max %.1f ms%n",
                messages,
                seconds,
                cpuSeconds,
                messages / seconds,
                messages / cpuSeconds,
                100.0 * joined / messages,
                latencies[messages / 2] / 1e3,
                latencies[(int) (messages * 0.99)] / 1e3,
                latencies[messages - 1] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "open groups at the end: %,d (bounded by max-groups %,d); heap in use: %,d MB; JVM max heap %,d MB%n",
                grouper.size(),
                settings.maxGroups(),
                usedHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static void run(
            ComplaintGrouper grouper, List<Problem> problems, Random random, int n, double novel, Instant at) {
        for (int i = 0; i < n; i++) {
            Problem problem = random.nextDouble() < novel
                    ? newProblem(random, problems.size())
                    : problems.get(zipf(random, problems.size()));
            grouper.add(complaint(random, problem, at.plusMillis(i)));
        }
    }

    /** Popular problems are complained about more often: roughly Zipf-distributed over the known problems. */
    private static int zipf(Random random, int n) {
        double u = random.nextDouble();
        int index = (int) Math.floor(Math.pow(n, u)) - 1;
        return Math.max(0, Math.min(n - 1, n - 1 - index));
    }

    private static Problem newProblem(Random random, int id) {
        boolean dutch = random.nextBoolean();
        String[] common = dutch ? COMMON_NL : COMMON_EN;
        String[] words = {
            pseudoWord(id * 3L + 1, random),
            pseudoWord(id * 3L + 2, random),
            pseudoWord(id * 3L + 3, random),
            common[random.nextInt(common.length)],
            common[random.nextInt(common.length)]
        };
        return new Problem(dutch ? "nl" : "en", words);
    }

    private static Complaint complaint(Random random, Problem problem, Instant at) {
        String[] filler = problem.language().equals("nl") ? FILLER_NL : FILLER_EN;
        List<String> parts = new ArrayList<>();
        for (String word : problem.words()) {
            if (random.nextDouble() < 0.8) {
                parts.add(random.nextDouble() < 0.1 ? misspell(word, random) : word);
            }
        }
        parts.add(filler[random.nextInt(filler.length)]);
        parts.add(filler[random.nextInt(filler.length)]);
        if (random.nextDouble() < 0.3) {
            parts.add("#" + problem.words()[random.nextInt(3)]);
        }
        if (random.nextDouble() < 0.2) {
            parts.add("@acme");
        }
        if (random.nextDouble() < 0.1) {
            parts.add("https://t.co/" + Integer.toHexString(random.nextInt()));
        }
        java.util.Collections.shuffle(parts, random);
        return new Complaint(
                new UUID(random.nextLong(), random.nextLong()),
                String.join(" ", parts),
                problem.language(),
                List.of(),
                at);
    }

    private static String misspell(String word, Random random) {
        if (word.length() < 4) {
            return word;
        }
        int i = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, i) + word.charAt(i) + word.substring(i); // a doubled letter
    }

    private static final String CONSONANTS = "bdfgklmnprstvwz";
    private static final String VOWELS = "aeiou";

    private static String pseudoWord(long n, Random random) {
        StringBuilder s = new StringBuilder();
        long x = n * 2_654_435_761L + 12345;
        int syllables = 3 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            s.append(CONSONANTS.charAt((int) Math.floorMod(x, (long) CONSONANTS.length())));
            x /= CONSONANTS.length();
            s.append(VOWELS.charAt((int) Math.floorMod(x, (long) VOWELS.length())));
            x /= VOWELS.length();
            if (x == 0) {
                x = n + i + 7;
            }
        }
        return s.toString();
    }

    private static long usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / (1024 * 1024);
    }

    private static int intOption(Map<String, List<String>> options, String name, int fallback) {
        return Integer.parseInt(first(options, name, String.valueOf(fallback)));
    }

    private static String first(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null ? fallback : values.getFirst();
    }
}
