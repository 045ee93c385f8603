package io.webcare.cases.notifications;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A chat tool's webhook on a real local HTTP port, which answers the first attempt of each delivery with 503; and the
 * test profile that points case-service at it. What arrived is read back over HTTP ({@code /arrived}), because the
 * profile and the test class may be loaded by different class loaders.
 */
public class ChatWebhook implements QuarkusTestProfile {
    static final String SECRET = "chat-webhook-test-secret";

    /** One request: the status it got, its headers of interest, and its body. */
    record Arrival(int status, String event, String delivery, String timestamp, String signature, String body) {}

    private static HttpServer server;
    private static final Queue<String> ARRIVED = new ConcurrentLinkedQueue<>();
    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> getConfigOverrides() {
        String base = "http://127.0.0.1:" + listen() + "/";
        return Map.of(
                "webcare.cases.notifications.webhook.url",
                base + "hook",
                "webcare.cases.notifications.webhook.secret",
                SECRET,
                "webcare.cases.notifications.webhook.first-backoff",
                "PT0.2S",
                "webcare.cases.notifications.webhook.poll",
                "0.2s");
    }

    static List<Arrival> arrivals(String hookUrl) throws IOException, InterruptedException {
        String log = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(hookUrl.replace("/hook", "/arrived")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return log.lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .map(f -> new Arrival(
                        Integer.parseInt(f[0]),
                        f[1],
                        f[2],
                        f[3],
                        f[4],
                        new String(Base64.getDecoder().decode(f[5]), StandardCharsets.UTF_8)))
                .toList();
    }

    private static synchronized int listen() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                String delivery = headers.getFirst("X-Webcare-Delivery");
                int status = REFUSED.add(String.valueOf(delivery)) ? 503 : 204;
                ARRIVED.add(String.join(
                        "\t",
                        String.valueOf(status),
                        String.valueOf(headers.getFirst("X-Webcare-Event")),
                        String.valueOf(delivery),
                        String.valueOf(headers.getFirst("X-Webcare-Timestamp")),
                        String.valueOf(headers.getFirst("X-Webcare-Signature")),
                        Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.createContext("/arrived", exchange -> {
                byte[] log = String.join("\n", ARRIVED).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, log.length == 0 ? -1 : log.length);
                if (log.length > 0) {
                    exchange.getResponseBody().write(log);
                }
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return server.getAddress().getPort();
    }
}
