package io.webcare.feedback.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.webcare.contract.webhooks.SignedWebhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint standing in for an issue tracker (it refuses the first attempt of every delivery), and the test
 * profile that points the service's webhook at it.
 */
public class WebhookReceiver implements QuarkusTestProfile {
    static final String SECRET = "test-webhook-secret";

    /** A request as it arrived, and the status it was answered with. */
    public record Received(
            String event, String delivery, String timestamp, String signature, String body, int status) {}

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Reads the log of {@code /log} at {@code logUrl}. */
    static List<Received> log(String logUrl) throws IOException, InterruptedException {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(logUrl))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body()
                .lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .map(f -> new Received(
                        f[1],
                        f[2],
                        f[3],
                        f[4],
                        new String(Base64.getDecoder().decode(f[5]), StandardCharsets.UTF_8),
                        Integer.parseInt(f[0])))
                .toList();
    }

    private static final Set<String> REFUSED_ONCE = ConcurrentHashMap.newKeySet();
    private static HttpServer server;

    @Override
    public Map<String, String> getConfigOverrides() {
        start();
        return Map.of(
                "webcare.feedback.webhook.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "webcare.feedback.webhook.secret",
                SECRET,
                "webcare.feedback.webhook.first-backoff",
                "PT0.2S",
                "webcare.feedback.webhook.poll",
                "PT0.1S");
    }

    private static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The log of what arrived, read over HTTP by the test (the profile and the test may live in different class
        // loaders, so they share no static state): one line per request, fields tab-separated, body in Base64.
        server.createContext("/log", exchange -> {
            StringBuilder log = new StringBuilder();
            for (Received r : RECEIVED) {
                log.append(String.join(
                                "\t",
                                String.valueOf(r.status()),
                                r.event(),
                                r.delivery(),
                                r.timestamp(),
                                String.valueOf(r.signature()),
                                Base64.getEncoder().encodeToString(r.body().getBytes(StandardCharsets.UTF_8))))
                        .append('\n');
            }
            byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String delivery = exchange.getRequestHeaders().getFirst("X-Webcare-Delivery");
            int status = REFUSED_ONCE.add(delivery) ? 503 : 204;
            RECEIVED.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Webcare-Event"),
                    delivery,
                    exchange.getRequestHeaders().getFirst(SignedWebhook.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(SignedWebhook.SIGNATURE),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }
}
