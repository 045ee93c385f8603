package io.webcare.contract.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedWebhookTest {
    @Test
    void aReceiverCanCheckTheSignatureWithAnyHmacTool() {
        // Expected value from: echo -n '1700000000.{"issue":"late"}' | openssl dgst -sha256 -hmac 'shared-secret'
        assertThat(SignedWebhook.sign("shared-secret", "1700000000", "{\"issue\":\"late\"}"))
                .isEqualTo("sha256=fcdb7817cd305cdcef08f435f9e1ba671e2812a2a923eb79f0e472a8635ce515");
    }

    @Test
    void everyAttemptCarriesEventDeliveryIdTimestampAndSignature() {
        HttpRequest request = SignedWebhook.request(
                URI.create("http://127.0.0.1:9/hook"),
                Duration.ofSeconds(5),
                "issue.resolved",
                "d-1",
                Instant.ofEpochSecond(1_700_000_000L),
                "{\"issue\":\"late\"}",
                Optional.of("shared-secret"));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue(SignedWebhook.EVENT)).contains("issue.resolved");
        assertThat(request.headers().firstValue(SignedWebhook.DELIVERY)).contains("d-1");
        assertThat(request.headers().firstValue(SignedWebhook.TIMESTAMP)).contains("1700000000");
        assertThat(request.headers().firstValue(SignedWebhook.SIGNATURE))
                .contains("sha256=fcdb7817cd305cdcef08f435f9e1ba671e2812a2a923eb79f0e472a8635ce515");
    }

    @Test
    void withoutASecretTheRequestIsNotSigned() {
        HttpRequest request = SignedWebhook.request(
                URI.create("http://127.0.0.1:9/hook"),
                Duration.ofSeconds(5),
                "x",
                "d",
                Instant.EPOCH,
                "{}",
                Optional.empty());

        assertThat(request.headers().firstValue(SignedWebhook.SIGNATURE)).isEmpty();
    }
}
