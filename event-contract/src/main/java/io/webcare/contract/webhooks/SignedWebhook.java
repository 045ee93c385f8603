package io.webcare.contract.webhooks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webcare's outgoing webhooks (to an issue tracker, a chat, a team lead's pager), one format for every service so a
 * receiver verifies them all the same way: a JSON body, {@code X-Webcare-Event} (what happened),
 * {@code X-Webcare-Delivery} (the same id on every retry, to drop repeats), {@code X-Webcare-Timestamp} (epoch
 * seconds, to refuse replays) and, when a secret is configured, {@code X-Webcare-Signature: sha256=<hex HMAC-SHA256 of
 * "timestamp.body">}.
 */
public final class SignedWebhook {
    public static final String EVENT = "X-Webcare-Event";
    public static final String DELIVERY = "X-Webcare-Delivery";
    public static final String TIMESTAMP = "X-Webcare-Timestamp";
    public static final String SIGNATURE = "X-Webcare-Signature";

    private SignedWebhook() {}

    /** The POST of one delivery attempt of {@code body} to {@code url}. */
    public static HttpRequest request(
            URI url,
            Duration timeout,
            String event,
            String deliveryId,
            Instant at,
            String body,
            Optional<String> secret) {
        String timestamp = String.valueOf(at.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(EVENT, event)
                .header(DELIVERY, deliveryId)
                .header(TIMESTAMP, timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        secret.ifPresent(key -> request.header(SIGNATURE, sign(key, timestamp, body)));
        return request.build();
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
