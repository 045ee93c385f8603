package io.webcare.ingest.webhooks.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webcare.contract.problem.ProblemException;
import io.webcare.ingest.messages.GroupCommit;
import io.webcare.ingest.webhooks.ChannelsConfig;
import io.webcare.ingest.webhooks.Payloads;
import io.webcare.ingest.webhooks.WebhookAck;
import io.webcare.ingest.webhooks.WebhookSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Meta's webhooks (Facebook page feed and Messenger, Instagram, WhatsApp Cloud API). Not behind a bearer token:
 * Meta cannot present one; the verify token (handshake) and the body signature (deliveries) stand in for it.
 */
@Path("/webhooks/meta")
@PermitAll
public class MetaWebhookResource {
    private final ChannelsConfig.Meta config;
    private final GroupCommit ingestion;
    private final ObjectMapper json;

    public MetaWebhookResource(ChannelsConfig channels, GroupCommit ingestion, ObjectMapper json) {
        this.config = channels.meta();
        this.ingestion = ingestion;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's subscription handshake: answers hub.challenge when hub.verify_token is ours")
    @APIResponse(responseCode = "200", description = "The challenge, as text")
    @APIResponse(responseCode = "403", description = "Not a subscription, or not our verify token (problem details)")
    public String verify(
            @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        String expected = config.verifyToken().orElseThrow(MetaWebhookResource::notConfigured);
        if (!"subscribe".equals(mode) || token == null || !constantTimeEquals(token, expected)) {
            throw ProblemException.forbidden("hub.mode must be 'subscribe' and hub.verify_token must be ours.");
        }
        if (challenge == null || challenge.isBlank() || challenge.length() > 255) {
            throw ProblemException.badRequest("hub.challenge is missing or too long.");
        }
        return challenge;
    }

    /**
     * A delivery: answered 200 once every customer message in it is stored with its event (or was received before).
     * A delivery of an object or field we do not take in is answered 200 with nothing published, deliberately: Meta
     * retries a non-200 answer for days and may disable the subscription, and a retry would never succeed anyway.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Meta webhook delivery, signed with X-Hub-Signature-256")
    @APIResponse(responseCode = "200", description = "Stored (or received before, or nothing we take in)")
    @APIResponse(responseCode = "400", description = "Not JSON, or a message without its id (problem details)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature (problem details)")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    public CompletionStage<WebhookAck> deliver(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        String secret = config.appSecret().orElseThrow(MetaWebhookResource::notConfigured);
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.validHex(signature, secret, raw)) {
            throw ProblemException.unauthorized(
                    "X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of this body with our app secret.");
        }
        return ingestion
                .accept(MetaDeliveryParser.messages(Payloads.parse(json, raw)))
                .thenApply(WebhookAck::of);
    }

    private static ProblemException notConfigured() {
        return ProblemException.notFound("Meta webhooks are not configured on this instance.");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
