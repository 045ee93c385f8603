package io.webcare.deploy.tools.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.webcare.deploy.tools.CliArgs;
import io.webcare.deploy.tools.EventTap;
import io.webcare.deploy.tools.LatencyRecorder;
import io.webcare.deploy.tools.StackClient;
import io.webcare.deploy.tools.StackConfig;
import io.webcare.deploy.tools.StackEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ingest-bench}: measures ingest against the running stack and its real broker, in one run:
 *
 * <ol>
 *   <li><b>raw producer</b>, first, while nothing else runs: as many records as the bulk phase sends, each a distinct
 *       copy of an event ingest put on the topic for the warm-up's bulk lines (key, payload, CloudEvents headers),
 *       sent straight to a scratch topic of the same broker with the outbox relay's producer settings (acks=all,
 *       idempotent, lz4), three times over per round, as the ceiling; the median of three rounds after a warm-up
 *       round. Real payloads, because lz4 shrinks a synthetic one (560 times the same letter, as before) to almost
 *       nothing and so overstated the ceiling;
 *   <li><b>webhooks</b>: signed Meta (WhatsApp) webhook deliveries of one message each, {@code --concurrency} in
 *       flight; throughput and p50/p99 of the acknowledgement (which ingest sends once the message is stored with its
 *       event), and the rate at which the events reached {@code webcare.messages.inbound};
 *   <li><b>bulk</b>: {@code --bulk-messages} messages as NDJSON bodies of {@code --bulk-lines} lines, two bodies in
 *       flight; messages per second acknowledged and on the topic, p50/p99 per body.
 * </ol>
 *
 * Both phases send through Vert.x's HTTP client (pooled keep-alive connections, one event loop), with their bodies
 * built (and signed) before the clock starts: the JDK's client spent more CPU per request than the service it
 * measured, on the same two cores.
 *
 * <p>Then the ratios against the targets (webhooks >= 5,000/s with p99 < 50 ms; bulk >= 30 % of the raw producer).
 * Each phase is preceded by a warm-up ({@code --warmup} messages, not counted). Needs the Meta app secret the stack
 * runs with ({@code WEBCARE_CHANNELS_META_APP_SECRET}, local default {@code local-meta-app-secret}).
 */
public final class IngestBenchmark {
    public static final String USAGE = "ingest-bench [--messages webhook deliveries (default 20000)]"
            + " [--concurrency c (default 64)] [--bulk-messages bulk lines (default 200000)]"
            + " [--bulk-lines lines per body (default 5000)] [--warmup n (default 2000)]"
            + " [--timeout seconds to wait for events (default 120)]";

    private static final String SCRATCH_TOPIC = "webcare.bench.raw-producer";
    /** How many of ingest's events the raw producer's records are copied from: those of the warm-up's bulk lines. */
    private static final int RAW_SAMPLE_LINES = 2_000;
    /** How often a round of the raw producer sends its records, so that a round lasts seconds, not a blink. */
    private static final int RAW_PASSES = 3;

    private final StackConfig config;
    private final StackClient stack;
    private final String metaSecret;
    private final PrintStream out;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    /** The events the warm-up's bulk lines put on the topic: the raw producer's records are copies of these. */
    private List<ProducerRecord<String, String>> publishedEvents = List.of();

    IngestBenchmark(StackConfig config, String metaSecret, PrintStream out) {
        this.config = config;
        this.stack = new StackClient(config);
        this.metaSecret = metaSecret;
        this.out = out;
    }

    public static int main(List<String> args, PrintStream out) {
        CliArgs cli = CliArgs.parse(
                args, Set.of("messages", "bulk-messages", "concurrency", "bulk-lines", "warmup", "timeout"));
        var settings = new Settings(
                cli.intOption("messages", 20_000),
                cli.intOption("concurrency", 64),
                cli.intOption("bulk-messages", 200_000),
                cli.intOption("bulk-lines", 5_000),
                cli.intOption("warmup", 2_000),
                Duration.ofSeconds(cli.intOption("timeout", 120)));
        if (settings.messages() < 1
                || settings.concurrency() < 1
                || settings.bulkMessages() < 1
                || settings.bulkLines() < 1
                || settings.warmup() < 0
                || !cli.positional().isEmpty()) {
            throw new IllegalArgumentException("Usage: " + USAGE);
        }
        String secret = System.getenv().getOrDefault("WEBCARE_CHANNELS_META_APP_SECRET", "local-meta-app-secret");
        var bench = new IngestBenchmark(StackConfig.fromEnv(), secret, out);
        return bench.run(settings) ? 0 : 2;
    }

    /**
     * What to send: {@code messages} webhook deliveries, {@code concurrency} at a time; {@code bulkMessages} lines in
     * bodies of {@code bulkLines}. The bulk phase is the larger by default, so that its rate is a sustained one (some
     * seconds of it) rather than that of a burst of two bodies.
     */
    record Settings(int messages, int concurrency, int bulkMessages, int bulkLines, int warmup, Duration timeout) {}

    /** The figures of one phase. */
    record Phase(String name, int messages, double ackPerSecond, double topicPerSecond, LatencyRecorder latency) {}

    boolean run(Settings settings) {
        try {
            return measure(settings);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private boolean measure(Settings settings) {
        int warmup = settings.warmup();
        Duration timeout = settings.timeout();
        out.printf(
                "ingest-bench: %d webhook deliveries and %d bulk lines against %s, broker %s%n",
                settings.messages(), settings.bulkMessages(), config.ingestUrl(), config.kafkaBootstrapServers());
        // The raw producer sends ingest's own events: the warm-up's bulk lines supply them.
        int sampleLines = Math.max(warmup, RAW_SAMPLE_LINES);
        out.printf("warm-up: %d webhook deliveries and %d bulk lines (not counted)...%n", warmup, sampleLines);
        if (warmup > 0) {
            webhooks("warmup-" + UUID.randomUUID(), warmup, settings.concurrency(), timeout, false);
        }
        String sampleRun = "warmup-" + UUID.randomUUID();
        bulk(sampleRun, sampleLines, Math.min(settings.bulkLines(), sampleLines), timeout, false, true);
        List<ProducerRecord<String, String>> rawRecords =
                distinctCopies(publishedEvents, sampleRun, settings.bulkMessages());
        // The ceiling first, on a quiet broker and machine. Measured after the phases, as it was, it shared the two
        // cores with the database's vacuum and checkpoint of what they had stored and with a cold client, and gave
        // 61,000-115,000 records/s, about a third of what the broker takes when nothing else runs: that flattered the
        // ratio. The median of three rounds (each sends the records three times) after one to warm the client up.
        rawProducer(rawRecords, false);
        double[] rounds = new double[3];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = rawProducer(rawRecords, true);
        }
        double raw = median(rounds);
        Phase webhooks =
                webhooks("bench-" + UUID.randomUUID(), settings.messages(), settings.concurrency(), timeout, true);
        Phase bulk =
                bulk("bench-" + UUID.randomUUID(), settings.bulkMessages(), settings.bulkLines(), timeout, true, false);

        out.println();
        out.println("== results ==");
        print(webhooks);
        print(bulk);
        out.printf(
                Locale.ROOT,
                "raw producer: %,.0f records/s (median of %,.0f, %,.0f and %,.0f; acks=all, idempotent, lz4)%n",
                raw,
                rounds[0],
                rounds[1],
                rounds[2]);
        boolean webhookRate = webhooks.ackPerSecond() >= 5_000;
        boolean webhookP99 = webhooks.latency().percentile(99).compareTo(Duration.ofMillis(50)) < 0;
        double bulkRatio = bulk.topicPerSecond() / raw;
        out.printf(
                Locale.ROOT,
                "webhooks: %,.0f/s acknowledged = %.0f %% of the 5,000/s target (%s); p99 %s (target < 50 ms: %s)%n",
                webhooks.ackPerSecond(),
                100 * webhooks.ackPerSecond() / 5_000,
                webhookRate ? "met" : "NOT met",
                millis(webhooks.latency().percentile(99)),
                webhookP99 ? "met" : "NOT met");
        out.printf(
                Locale.ROOT, "webhooks on the topic / raw producer: %.1f %%%n", 100 * webhooks.topicPerSecond() / raw);
        out.printf(
                Locale.ROOT,
                "bulk on the topic / raw producer: %.1f %% (target >= 30 %%: %s); acknowledged / raw: %.1f %%%n",
                100 * bulkRatio,
                bulkRatio >= 0.30 ? "met" : "NOT met",
                100 * bulk.ackPerSecond() / raw);
        if (webhooks.topicPerSecond() < 0.8 * webhooks.ackPerSecond()
                || bulk.topicPerSecond() < 0.8 * bulk.ackPerSecond()) {
            out.println("note: events reached the topic markedly slower than ingest acknowledged them: the outbox"
                    + " relay (one producer, deletes per batch) is the bottleneck of that phase.");
        }
        return webhookRate && webhookP99 && bulkRatio >= 0.30;
    }

    private void print(Phase phase) {
        out.printf(
                Locale.ROOT,
                "%s: %,d messages, %,.0f/s acknowledged, %,.0f/s on webcare.messages.inbound; latency %s%n",
                phase.name(),
                phase.messages(),
                phase.ackPerSecond(),
                phase.topicPerSecond(),
                phase.latency().summary());
    }

    // --- (a) webhooks -----------------------------------------------------------------------------------------------

    private Phase webhooks(String run, int n, int concurrency, Duration timeout, boolean report) {
        Mac mac = hmac();
        // The platform builds and signs its deliveries, not ingest: done before the clock starts, so that the
        // client, on the same two cores, takes as little CPU from the service it measures as it can.
        Buffer[] bodies = new Buffer[n];
        String[] signatures = new String[n];
        for (int i = 0; i < n; i++) {
            byte[] body = whatsappDelivery(run, i);
            bodies[i] = Buffer.buffer(body);
            signatures[i] = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        try (Poster poster = new Poster(concurrency, timeout);
                Arrivals arrivals = Arrivals.watch(config.kafkaBootstrapServers(), run, false)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                poster.post(
                        new RequestOptions()
                                .setURI("/webhooks/meta")
                                .setIdleTimeout(30_000)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("X-Hub-Signature-256", signatures[i]),
                        bodies[i],
                        1,
                        answer -> true);
            }
            poster.awaitAnswers();
            long acked = System.nanoTime();
            long lastArrival = arrivals.awaitCount(n - poster.failures.get(), timeout);
            return phase(
                    "webhooks (one message per signed delivery)",
                    n,
                    start,
                    acked,
                    lastArrival,
                    poster,
                    arrivals,
                    report);
        }
    }

    /**
     * Posts bodies to ingest, {@code parallel} at a time over pooled keep-alive connections, and records each answer's
     * latency and the messages of the bodies not taken in. An answer never given (nor failed by its timeout) fails the
     * run instead of hanging it.
     */
    private final class Poster implements AutoCloseable {
        final LatencyRecorder latency = new LatencyRecorder();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final int parallel;
        private final Duration timeout;
        private final Semaphore inFlight;
        private final HttpClient client;

        Poster(int parallel, Duration timeout) {
            this.parallel = parallel;
            this.timeout = timeout;
            this.inFlight = new Semaphore(parallel);
            this.client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setDefaultHost(config.ingestUrl().getHost())
                            .setDefaultPort(config.ingestUrl().getPort())
                            .setKeepAlive(true)
                            .setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(parallel));
        }

        /** Posts {@code body}, which carries {@code messages}; a 200 whose answer {@code taken} accepts counts. */
        void post(RequestOptions request, Buffer body, int messages, Predicate<String> taken) {
            inFlight.acquireUninterruptibly();
            long sent = System.nanoTime();
            client.request(request.setMethod(HttpMethod.POST).setConnectTimeout(5_000))
                    .compose(r -> r.send(body))
                    .compose(response -> response.body().map(answer -> {
                        String text = answer.toString();
                        return response.statusCode() == 200 && taken.test(text)
                                ? null
                                : response.statusCode() + " " + abbreviate(text);
                    }))
                    .onComplete(result -> {
                        try {
                            latency.record(Duration.ofNanos(System.nanoTime() - sent));
                            String failure = result.failed() ? result.cause().toString() : result.result();
                            if (failure != null) {
                                failures.addAndGet(messages);
                                firstFailure.compareAndSet(null, failure);
                            }
                        } finally {
                            inFlight.release();
                        }
                    });
        }

        void awaitAnswers() {
            try {
                if (!inFlight.tryAcquire(parallel, timeout.toSeconds() + 60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            (parallel - inFlight.availablePermits()) + " requests were neither answered nor timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void close() {
            client.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private byte[] whatsappDelivery(String run, int i) {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"bench\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"31201234567\",\"phone_number_id\":\"" + run + "\"},\"contacts\":[{\"profile\":{\"name\":"
                + "\"Bench Klant\"},\"wa_id\":\"316" + (10_000_000 + i) + "\"}],\"messages\":[{\"from\":\"316"
                + (10_000_000 + i) + "\",\"id\":\"wamid." + run + "-" + i + "\",\"timestamp\":\""
                + (System.currentTimeMillis() / 1000) + "\",\"type\":\"text\",\"text\":{\"body\":\"Mijn factuur"
                + " van november klopt niet, er staat een dubbele afschrijving op. Kunnen jullie dat nakijken?\"}}]}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private Mac hmac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(metaSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- (b) bulk ---------------------------------------------------------------------------------------------------

    private Phase bulk(String run, int n, int linesPerBody, Duration timeout, boolean report, boolean capture) {
        String token = stack.integrationToken();
        int bodies = (n + linesPerBody - 1) / linesPerBody;
        // As for the webhooks: the contact centre writes its export, not ingest, so the bodies are built before
        // the clock starts.
        Buffer[] ndjson = new Buffer[bodies];
        for (int b = 0; b < bodies; b++) {
            ndjson[b] = bulkBody(run, b * linesPerBody, Math.min(n, (b + 1) * linesPerBody));
        }
        // Two bodies in flight: one being read while the other commits.
        try (Poster poster = new Poster(Math.min(2, bodies), timeout);
                Arrivals arrivals = Arrivals.watch(config.kafkaBootstrapServers(), run, capture)) {
            long start = System.nanoTime();
            for (int b = 0; b < bodies; b++) {
                int lines = Math.min(n, (b + 1) * linesPerBody) - b * linesPerBody;
                poster.post(
                        new RequestOptions()
                                .setURI("/api/v1/messages/bulk")
                                .setIdleTimeout(300_000)
                                .putHeader("Content-Type", "application/x-ndjson")
                                .putHeader("Authorization", "Bearer " + token),
                        ndjson[b],
                        lines,
                        answer -> answer.contains("\"accepted\":" + lines));
            }
            poster.awaitAnswers();
            long acked = System.nanoTime();
            long lastArrival = arrivals.awaitCount(n - poster.failures.get(), timeout);
            if (capture) {
                publishedEvents = arrivals.captured();
            }
            return phase(
                    "bulk NDJSON (" + linesPerBody + " lines per body; latency per body)",
                    n,
                    start,
                    acked,
                    lastArrival,
                    poster,
                    arrivals,
                    report);
        }
    }

    /** Lines {@code from} (inclusive) to {@code to} of a contact centre's export: phone contacts, one per line. */
    private static Buffer bulkBody(String run, int from, int to) {
        StringBuilder ndjson = new StringBuilder((to - from) * 300);
        for (int i = from; i < to; i++) {
            ndjson.append("{\"channel\":\"phone\",\"accountId\":\"")
                    .append(run)
                    .append("\",\"externalId\":\"")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\",\"visibility\":\"private\",\"author\":{\"id\":\"c-")
                    .append(i)
                    .append("\",\"handle\":\"+3120")
                    .append(1_000_000 + i)
                    .append("\",\"name\":\"Bench Klant\",\"followers\":0,\"verified\":false},\"text\":"
                            + "\"Klant belde: factuur van november klopt niet, dubbele afschrijving. Graag"
                            + " terugbellen.\"}\n");
        }
        return Buffer.buffer(ndjson.toString());
    }

    private Phase phase(
            String name,
            int n,
            long start,
            long acked,
            long lastArrival,
            Poster poster,
            Arrivals arrivals,
            boolean report) {
        if (poster.failures.get() > 0) {
            throw new IllegalStateException(
                    name + ": " + poster.failures.get() + " not accepted; first: " + poster.firstFailure.get());
        }
        if (lastArrival < 0) {
            throw new IllegalStateException(name + ": only " + arrivals.count() + " of " + n
                    + " events reached webcare.messages.inbound in time");
        }
        double ackRate = n / seconds(acked - start);
        double topicRate = n / seconds(Math.max(lastArrival, acked) - start);
        Phase phase = new Phase(name, n, ackRate, topicRate, poster.latency);
        if (report) {
            print(phase);
        }
        return phase;
    }

    // --- (c) raw producer -------------------------------------------------------------------------------------------

    /**
     * {@code n} records copied from ingest's events, each one distinct (its run, so its ids and key, renamed per copy),
     * as the relay's are: the same few thousand sent over and over stay in the CPU's caches, which the relay's events,
     * read from the database, do not.
     */
    private static List<ProducerRecord<String, String>> distinctCopies(
            List<ProducerRecord<String, String>> sample, String sampleRun, int n) {
        if (sample.isEmpty()) {
            throw new IllegalStateException("the raw producer copies the warm-up's bulk events, and there were none");
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ProducerRecord<String, String> event = sample.get(i % sample.size());
            String copyRun = sampleRun + "-" + (i / sample.size());
            var headers = new RecordHeaders();
            for (Header header : event.headers()) {
                headers.add(
                        header.key(),
                        header.key().equals("ce_id")
                                ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)
                                : header.value());
            }
            records.add(new ProducerRecord<>(
                    SCRATCH_TOPIC,
                    null,
                    event.key().replace(sampleRun, copyRun),
                    event.value().replace(sampleRun, copyRun),
                    headers));
        }
        return records;
    }

    private double rawProducer(List<ProducerRecord<String, String>> records, boolean report) {
        int n = RAW_PASSES * records.size();
        Map<String, Object> adminConfig =
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        try (Admin admin = Admin.create(adminConfig)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(SCRATCH_TOPIC)) {
                int partitions = admin.describeTopics(List.of(StackEvent.INBOUND_TOPIC))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(StackEvent.INBOUND_TOPIC)
                        .partitions()
                        .size();
                admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the scratch topic " + SCRATCH_TOPIC + ": " + e, e);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1); // the outbox relay's settings
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicLong errors = new AtomicLong();
        long start;
        long end;
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            start = System.nanoTime();
            for (ProducerRecord<String, String> record : records) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        errors.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        if (errors.get() > 0) {
            throw new IllegalStateException("raw producer: " + errors.get() + " records failed");
        }
        double rate = n / seconds(end - start);
        if (report) {
            out.printf(Locale.ROOT, "raw producer: %,d records in %.2f s = %,.0f/s%n", n, seconds(end - start), rate);
        }
        return rate;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private static double seconds(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** Counts the events of one run (their key names the run's account) as they reach webcare.messages.inbound. */
    private static final class Arrivals implements AutoCloseable {
        private final EventTap tap;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong last = new AtomicLong(-1);
        private final Queue<ProducerRecord<String, String>> captured = new ConcurrentLinkedQueue<>();

        private Arrivals(EventTap tap, String run, boolean capture) {
            this.tap = tap;
            // The run's events by their key (channel:account:thread, the account is the run), without parsing them.
            String account = ":" + run + ":";
            tap.startRaw(record -> {
                if (record.key() != null
                        && record.key().contains(account)
                        && StackEvent.MESSAGE_RECEIVED.equals(EventTap.header(record, "ce_type"))) {
                    if (capture) {
                        captured.add(new ProducerRecord<>(
                                record.topic(), null, record.key(), record.value(), record.headers()));
                    }
                    count.incrementAndGet();
                    last.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
        }

        static Arrivals watch(String bootstrap, String run, boolean capture) {
            return new Arrivals(EventTap.fromEnd(bootstrap, List.of(StackEvent.INBOUND_TOPIC)), run, capture);
        }

        List<ProducerRecord<String, String>> captured() {
            return List.copyOf(captured);
        }

        int count() {
            return count.get();
        }

        /** When the {@code expected}-th event arrived (System.nanoTime), or -1 if not within the timeout. */
        long awaitCount(int expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() < expected) {
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return last.get();
        }

        @Override
        public void close() {
            tap.close();
        }
    }
}
