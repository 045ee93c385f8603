package io.webcare.ingest.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhook bodies, as Meta ({@code sha256=<hex>}) and X ({@code sha256=<base64>}) send them.
 * The check runs over the raw body bytes exactly as received and compares in constant time, so neither a
 * re-serialisation nor response timing can be used to forge one.
 */
public final class WebhookSignature {
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /**
     * One initialised Mac per thread and secret: looking the algorithm up and keying it cost more than signing a
     * webhook body. A Mac is not thread-safe, hence per thread; doFinal resets it for the next body.
     */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

    public static byte[] hmacSha256(String secret, byte[] data) {
        return MACS.get().computeIfAbsent(secret, WebhookSignature::newMac).doFinal(data);
    }

    private static Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code sha256=<lower-case hex>}: the form of Meta's {@code X-Hub-Signature-256}. */
    public static String hex(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** {@code sha256=<base64>}: the form of X's signature header and CRC {@code response_token}. */
    public static String base64(String secret, byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    /** True when {@code header} is {@code sha256=<hex>} of the HMAC of {@code body}. */
    public static boolean validHex(String header, String secret, byte[] body) {
        byte[] presented = decode(header, true);
        return presented != null && MessageDigest.isEqual(presented, hmacSha256(secret, body));
    }

    /** True when {@code header} is {@code sha256=<base64>} of the HMAC of {@code body}. */
    public static boolean validBase64(String header, String secret, byte[] body) {
        byte[] presented = decode(header, false);
        return presented != null && MessageDigest.isEqual(presented, hmacSha256(secret, body));
    }

    private static byte[] decode(String header, boolean hex) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String value = header.substring(PREFIX.length()).trim();
        try {
            return hex ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
