package io.webcare.ingest.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webcare.contract.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * NOT PRODUCTION CODE. A stand-in for Meta's Graph API and the X API v2 on loopback, for tests and the local stack
 * ({@code webcare.simulator.enabled}; every endpoint answers 404 when it is off). The reply adapters' base URLs point
 * here ({@code /simulator/graph}, {@code /simulator/x}); it answers their calls with the platforms' shapes (ids,
 * error documents), can be told to fail the next calls, and shows what would have been posted.
 *
 * <p>Unauthenticated on purpose, like the platforms it imitates (which check their own tokens: a call without a
 * bearer token is answered 401 in the platform's error shape).
 */
@Path("/simulator")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SimulatedPlatforms platforms;
    private final Clock clock;

    public SimulatorResource(SimulatedPlatforms platforms, Clock clock) {
        this.platforms = platforms;
        this.clock = clock;
    }

    // --- Graph API ----------------------------------------------------------------------------------------------

    @POST
    @Path("/graph/{version}/{node}/{edge}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulated Graph API: comment replies, Messenger/Instagram DMs, WhatsApp messages")
    @APIResponse(responseCode = "200", description = "The platform's answer with the new id")
    public Response graph(
            @HeaderParam("Authorization") String authorization,
            @PathParam("node") String node,
            @PathParam("edge") String edge,
            JsonNode body) {
        enabled();
        JsonNode request = body == null ? JSON.objectNode() : body;
        boolean whatsapp = "whatsapp".equals(request.path("messaging_product").asText());
        String to =
                switch (edge) {
                    case "comments", "replies" -> node;
                    case "messages" ->
                        whatsapp
                                ? request.path("to").asText(null)
                                : request.path("recipient").path("id").asText(null);
                    default -> null;
                };
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return graphError(401, 104, "OAuthException", "An access token is required to request this resource.");
        }
        Optional<Response> failure = fail("graph", to, true);
        if (failure.isPresent()) {
            return failure.get();
        }
        String id = platforms.nextId();
        Instant now = Instant.now(clock);
        return switch (edge) {
            case "comments", "replies" -> {
                String text = request.path("message").asText("");
                if (text.isBlank()) {
                    yield graphError(400, 100, "OAuthException", "(#100) The parameter message is required");
                }
                platforms.record(new SimulatedPost(
                        node + "_" + id,
                        "graph",
                        edge.equals("comments") ? "comment-reply" : "instagram-comment-reply",
                        null,
                        node,
                        text,
                        null,
                        now));
                yield Response.ok(JSON.objectNode().put("id", node + "_" + id)).build();
            }
            case "messages" -> whatsapp ? whatsapp(node, to, request, id, now) : messenger(node, to, request, id, now);
            default -> graphError(400, 2500, "OAuthException", "Unknown path components: /" + edge);
        };
    }

    private Response messenger(String page, String to, JsonNode request, String id, Instant now) {
        String text = request.path("message").path("text").asText("");
        if (to == null || to.isBlank()) {
            return graphError(400, 100, "OAuthException", "(#100) The parameter recipient is required");
        }
        if (text.isBlank()) {
            return graphError(400, 100, "OAuthException", "(#100) Must send either message or sender action");
        }
        String tag = "MESSAGE_TAG".equals(request.path("messaging_type").asText())
                ? request.path("tag").asText(null)
                : null;
        String messageId = "m_" + id;
        platforms.record(new SimulatedPost(messageId, "graph", "messenger", page, to, text, tag, now));
        return Response.ok(JSON.objectNode().put("recipient_id", to).put("message_id", messageId))
                .build();
    }

    private Response whatsapp(String phoneNumberId, String to, JsonNode request, String id, Instant now) {
        String type = request.path("type").asText("");
        String text = type.equals("text") ? request.path("text").path("body").asText("") : null;
        String template =
                type.equals("template") ? request.path("template").path("name").asText("") : null;
        if (to == null
                || to.isBlank()
                || (text == null && template == null)
                || (text != null && text.isBlank())
                || (template != null && template.isBlank())) {
            return graphError(400, 100, "OAuthException", "(#100) Invalid parameter");
        }
        String messageId = "wamid.SIM" + id;
        platforms.record(new SimulatedPost(messageId, "graph", "whatsapp", phoneNumberId, to, text, template, now));
        ObjectNode answer = JSON.objectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        answer.putArray("messages").addObject().put("id", messageId);
        return Response.ok(answer).build();
    }

    // --- X API v2 -----------------------------------------------------------------------------------------------

    @POST
    @Path("/x/2/tweets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulated X API v2: post a reply")
    @APIResponse(responseCode = "201", description = "{data: {id, text}}")
    public Response tweet(@HeaderParam("Authorization") String authorization, JsonNode body) {
        enabled();
        JsonNode request = body == null ? JSON.objectNode() : body;
        String to = request.path("reply").path("in_reply_to_tweet_id").asText(null);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return xError(401, "Unauthorized", "Unauthorized");
        }
        Optional<Response> failure = fail("x", to, false);
        if (failure.isPresent()) {
            return failure.get();
        }
        String text = request.path("text").asText("");
        if (text.isBlank()) {
            return xError(400, "Invalid Request", "One or more parameters to your request was invalid.");
        }
        String id = platforms.nextId();
        platforms.record(new SimulatedPost(id, "x", "tweet-reply", null, to, text, null, Instant.now(clock)));
        ObjectNode answer = JSON.objectNode();
        answer.putObject("data").put("id", id).put("text", text);
        return Response.status(201).entity(answer).build();
    }

    @POST
    @Path("/x/2/dm_conversations/with/{participant}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Simulated X API v2: send a direct message")
    @APIResponse(responseCode = "201", description = "{data: {dm_conversation_id, dm_event_id}}")
    public Response directMessage(
            @HeaderParam("Authorization") String authorization,
            @PathParam("participant") String participant,
            JsonNode body) {
        enabled();
        JsonNode request = body == null ? JSON.objectNode() : body;
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return xError(401, "Unauthorized", "Unauthorized");
        }
        Optional<Response> failure = fail("x", participant, false);
        if (failure.isPresent()) {
            return failure.get();
        }
        String text = request.path("text").asText("");
        if (text.isBlank()) {
            return xError(400, "Invalid Request", "One or more parameters to your request was invalid.");
        }
        String id = platforms.nextId();
        platforms.record(new SimulatedPost(id, "x", "dm", null, participant, text, null, Instant.now(clock)));
        ObjectNode answer = JSON.objectNode();
        answer.putObject("data")
                .put("dm_conversation_id", "brand-" + participant)
                .put("dm_event_id", id);
        return Response.status(201).entity(answer).build();
    }

    // --- control ------------------------------------------------------------------------------------------------

    @GET
    @Path("/posts")
    @Operation(summary = "What the adapters posted, oldest first; filter by the customer or post answered (to)")
    @APIResponse(responseCode = "200", description = "The posts")
    public List<SimulatedPost> posts(
            @QueryParam("to") String to, @QueryParam("platform") String platform, @QueryParam("text") String text) {
        enabled();
        return platforms.posts(p -> (to == null || to.equals(p.to()))
                && (platform == null || platform.equals(p.platform()))
                && (text == null || (p.text() != null && p.text().contains(text))));
    }

    @DELETE
    @Path("/posts")
    @Operation(summary = "Forget every post and pending failure")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clear() {
        enabled();
        platforms.clear();
    }

    @POST
    @Path("/failures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the next matching calls fail (status, Retry-After) or answer late (delayMillis)")
    @APIResponse(responseCode = "204", description = "Armed")
    public void failNext(@NotNull @Valid SimulatedFailure failure) {
        enabled();
        platforms.failNext(failure);
    }

    private Optional<Response> fail(String platform, String to, boolean graph) {
        Optional<SimulatedFailure> pending = platforms.takeFailure(platform, to);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        SimulatedFailure f = pending.get();
        if (f.delayMillis() != null && f.delayMillis() > 0) {
            try {
                Thread.sleep(f.delayMillis()); // stands in for a platform that answers too late
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Response.ResponseBuilder answer;
        if (graph) {
            int code = f.status() == 429 ? 4 : f.status() >= 500 ? 2 : 100;
            String message = f.status() == 429
                    ? "(#4) Application request limit reached"
                    : f.status() >= 500
                            ? "An unexpected error has occurred. Please retry your request later."
                            : "(#100) Invalid parameter";
            answer = Response.fromResponse(graphError(f.status(), code, "OAuthException", message));
        } else {
            answer = Response.fromResponse(xError(
                    f.status(),
                    f.status() == 429 ? "Too Many Requests" : f.status() >= 500 ? "Service Unavailable" : "Forbidden",
                    f.status() == 429 ? "Too Many Requests" : "Simulated failure"));
        }
        if (f.retryAfterSeconds() != null) {
            answer.header("Retry-After", f.retryAfterSeconds());
            if (!graph) {
                answer.header("x-rate-limit-reset", Instant.now(clock).getEpochSecond() + f.retryAfterSeconds());
            }
        }
        return Optional.of(answer.build());
    }

    private static Response graphError(int status, int code, String type, String message) {
        ObjectNode body = JSON.objectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("code", code)
                .put("fbtrace_id", UUID.randomUUID().toString().substring(0, 11));
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }

    private static Response xError(int status, String title, String detail) {
        ObjectNode body = JSON.objectNode()
                .put("title", title)
                .put("detail", detail)
                .put("type", "about:blank")
                .put("status", status);
        return Response.status(status)
                .type("application/problem+json")
                .entity(body)
                .build();
    }

    private void enabled() {
        if (!platforms.config().enabled()) {
            throw ProblemException.notFound("The simulator channel is not enabled on this instance.");
        }
    }
}
