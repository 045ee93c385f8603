package io.webcare.ingest.webhooks.x;

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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * X's Account Activity webhook. Not behind a bearer token: X cannot present one; the CRC answer proves to X that we
 * hold the consumer secret, and the body signature proves to us that a delivery comes from X.
 */
@Path("/webhooks/x")
@PermitAll
public class XWebhookResource {
    private final ChannelsConfig.X config;
    private final GroupCommit ingestion;
    private final ObjectMapper json;

    public XWebhookResource(ChannelsConfig channels, GroupCommit ingestion, ObjectMapper json) {
        this.config = channels.x();
        this.ingestion = ingestion;
        this.json = json;
    }

    public record CrcResponse(String response_token) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X's challenge-response check: the HMAC-SHA256 of crc_token with our consumer secret")
    @APIResponse(responseCode = "200", description = "{\"response_token\":\"sha256=...\"}")
    @APIResponse(responseCode = "400", description = "No crc_token (problem details)")
    public CrcResponse crc(@QueryParam("crc_token") String crcToken) {
        String secret = config.consumerSecret().orElseThrow(XWebhookResource::notConfigured);
        if (crcToken == null || crcToken.isEmpty() || crcToken.length() > 1024) {
            throw ProblemException.badRequest("crc_token is missing or too long.");
        }
        return new CrcResponse(WebhookSignature.base64(secret, crcToken.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A delivery: answered 200 once every customer message in it is stored with its event (or was received before).
     * Event kinds we do not take in (likes, follows, typing, reads) are answered 200 with nothing published, since a
     * non-200 only makes X retry what would never succeed.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An X Account Activity delivery, signed with x-twitter-webhooks-signature")
    @APIResponse(responseCode = "200", description = "Stored (or received before, or nothing we take in)")
    @APIResponse(responseCode = "400", description = "Not JSON, or a message without its id (problem details)")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature (problem details)")
    @APIResponse(responseCode = "413", description = "Body over the configured limit")
    public CompletionStage<WebhookAck> deliver(
            @HeaderParam("x-twitter-webhooks-signature") String signature, byte[] body) {
        String secret = config.consumerSecret().orElseThrow(XWebhookResource::notConfigured);
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.validBase64(signature, secret, raw)) {
            throw ProblemException.unauthorized(
                    "x-twitter-webhooks-signature is missing or is not the HMAC-SHA256 of this body with our"
                            + " consumer secret.");
        }
        return ingestion
                .accept(XDeliveryParser.messages(Payloads.parse(json, raw)))
                .thenApply(WebhookAck::of);
    }

    private static ProblemException notConfigured() {
        return ProblemException.notFound("X webhooks are not configured on this instance.");
    }
}
