package io.webcare.sla.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The dashboard's server-sent events as a client reads them: each {@code data:} line is one snapshot. */
final class SnapshotStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> snapshots = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    SnapshotStream(URI events, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "text/event-stream")
                .build();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                    try {
                        snapshots.add(JSON.readTree(line.substring("data:".length())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next snapshot within the timeout. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode snapshot = snapshots.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (snapshot == null) {
            throw new AssertionError("no snapshot within " + timeout);
        }
        return snapshot;
    }

    /** Reads snapshots until one matches; returns every snapshot read, the matching one last. */
    List<JsonNode> until(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> read = new ArrayList<>();
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            JsonNode snapshot = left.isNegative() ? null : snapshots.poll(left.toMillis(), TimeUnit.MILLISECONDS);
            if (snapshot == null) {
                throw new AssertionError("no matching snapshot within " + timeout + "; the last of " + read.size()
                        + ": " + (read.isEmpty() ? "none" : read.getLast()));
            }
            read.add(snapshot);
            if (wanted.test(snapshot)) {
                return read;
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        http.shutdownNow();
    }
}
