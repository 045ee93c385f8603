package io.webcare.ingest.replies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One platform call with the retry policy every adapter shares: a 2xx is delivered; a 4xx other than 429 is refused
 * and never retried (the same request would be refused again); 5xx, 429 and timeouts or connection failures are
 * retried with exponential backoff, a 429 after the wait the platform asks for ({@code Retry-After}, or X's
 * {@code x-rate-limit-reset}).
 *
 * <p>The JDK {@link HttpClient} rather than the Quarkus REST client: the policy needs the status, the headers and the
 * raw error body of every attempt, and per-attempt timeouts, which the JDK client gives directly without an extra
 * extension or a fault-tolerance layer that does not honour {@code Retry-After}.
 */
@ApplicationScoped
public class PlatformHttp {
    private static final Logger LOG = Logger.getLogger(PlatformHttp.class);

    private final HttpClient client;
    private final RepliesConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public PlatformHttp(RepliesConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs {@code body} as JSON with the bearer {@code token}; {@code platformId} reads the id of the posted reply
     * from a 2xx answer, {@code errorDetail} the platform's explanation from an error answer.
     */
    public CallOutcome post(
            URI uri,
            String token,
            JsonNode body,
            Function<JsonNode, String> platformId,
            Function<JsonNode, String> errorDetail) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a platform request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        Duration backoff = config.firstBackoff();
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                JsonNode answer = parse(response.body());
                if (status >= 200 && status < 300) {
                    String id = platformId.apply(answer);
                    if (id == null || id.isBlank()) {
                        return new CallOutcome.Failed(
                                FailureReason.OUTCOME_UNKNOWN,
                                "Outcome unknown: the platform accepted the call (HTTP " + status
                                        + ") but named no id for the reply.",
                                attempt);
                    }
                    return new CallOutcome.Delivered(id, attempt);
                }
                String detail = "HTTP " + status + describe(errorDetail.apply(answer));
                if (status != 429 && status < 500) {
                    return new CallOutcome.Failed(FailureReason.REJECTED, detail, attempt);
                }
                lastProblem = detail;
                wait = status == 429 ? retryAfter(response).orElse(backoff) : backoff;
                if (wait.compareTo(config.maxRetryAfter()) > 0) {
                    return new CallOutcome.Failed(
                            FailureReason.UNREACHABLE,
                            detail + "; the platform asks to wait " + wait.toSeconds() + " s, longer than allowed",
                            attempt);
                }
            } catch (IOException e) {
                // Timeouts, refused or reset connections: the platform may not have seen the request.
                lastProblem = e.getClass().getSimpleName().replace("Exception", "") + describe(e.getMessage());
                wait = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CallOutcome.Failed(
                        FailureReason.UNREACHABLE, "interrupted while calling the platform", attempt);
            }
            if (attempt >= config.maxAttempts()) {
                return new CallOutcome.Failed(
                        FailureReason.UNREACHABLE,
                        lastProblem + " (gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")",
                        attempt);
            }
            LOG.debugf(
                    "Platform call to %s failed (%s), attempt %d; retrying in %d ms",
                    uri, lastProblem, attempt, wait.toMillis());
            if (!pause(wait)) {
                return new CallOutcome.Failed(
                        FailureReason.UNREACHABLE, "interrupted while waiting to retry: " + lastProblem, attempt);
            }
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0
                    ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = json.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String describe(String detail) {
        return detail == null || detail.isBlank() ? "" : ": " + detail;
    }

    /** {@code Retry-After} in seconds or as an HTTP date, else X's {@code x-rate-limit-reset} (epoch seconds). */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Instant now = Instant.now(clock);
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return Optional.of(positive(Duration.between(now, at)));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
        return response.headers().firstValue("x-rate-limit-reset").flatMap(reset -> {
            try {
                return Optional.of(
                        positive(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.trim())))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
