package io.webcare.ingest.replies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Replies through Meta's Graph API, in the request shapes of its public documentation:
 *
 * <ul>
 *   <li>Facebook comment: {@code POST /{version}/{comment-id}/comments} with {@code message}; answer {@code {id}}.
 *   <li>Instagram comment: {@code POST /{version}/{ig-comment-id}/replies} with {@code message}; answer {@code {id}}.
 *   <li>Messenger and Instagram DM: {@code POST /{version}/{page-or-ig-id}/messages} with {@code recipient.id},
 *       {@code messaging_type: RESPONSE} and {@code message.text}; answer {@code {recipient_id, message_id}}. After the
 *       24 h window, with a template given, the template is used as the message tag ({@code messaging_type:
 *       MESSAGE_TAG}, {@code tag}, e.g. {@code HUMAN_AGENT}), the platform's way to answer late.
 *   <li>WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages} with {@code messaging_product:
 *       whatsapp}, {@code to} and {@code type: text}; after the window, {@code type: template} with the approved
 *       template's name and language. Answer {@code {messages: [{id}]}}.
 * </ul>
 *
 * Errors are {@code {error: {message, type, code, error_subcode, fbtrace_id}}}.
 */
@ApplicationScoped
public class MetaGraphAdapter implements ChannelAdapter {
    private final RepliesConfig.Meta config;
    private final PlatformHttp http;
    private final ObjectMapper json;

    public MetaGraphAdapter(RepliesConfig config, PlatformHttp http, ObjectMapper json) {
        this.config = config.meta();
        this.http = http;
        this.json = json;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.FACEBOOK || channel == Channel.INSTAGRAM || channel == Channel.WHATSAPP;
    }

    @Override
    public boolean configured() {
        return config.accessToken().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public CallOutcome send(ReplyRequested reply, boolean windowClosed) {
        if (reply.channel() == Channel.WHATSAPP) {
            return whatsapp(reply, windowClosed);
        }
        if (reply.visibility() == Visibility.PUBLIC) {
            return comment(reply);
        }
        return directMessage(reply, windowClosed);
    }

    private CallOutcome comment(ReplyRequested reply) {
        String commentId = firstNonBlank(reply.inReplyToExternalId(), reply.threadRef());
        if (commentId == null) {
            return missing("the id of the comment to answer (inReplyToExternalId)");
        }
        String edge = reply.channel() == Channel.INSTAGRAM ? "replies" : "comments";
        ObjectNode body = json.createObjectNode().put("message", reply.text());
        return call(url(commentId, edge), body, answer -> text(answer.path("id")));
    }

    private CallOutcome directMessage(ReplyRequested reply, boolean windowClosed) {
        if (blank(reply.recipientId())) {
            return missing("the customer's id (recipientId)");
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", reply.recipientId());
        if (windowClosed) {
            body.put("messaging_type", "MESSAGE_TAG").put("tag", reply.template());
        } else {
            body.put("messaging_type", "RESPONSE");
        }
        body.putObject("message").put("text", reply.text());
        return call(url(reply.accountId(), "messages"), body, answer -> text(answer.path("message_id")));
    }

    private CallOutcome whatsapp(ReplyRequested reply, boolean windowClosed) {
        if (blank(reply.recipientId())) {
            return missing("the customer's WhatsApp number (recipientId)");
        }
        ObjectNode body = json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", reply.recipientId());
        if (windowClosed) {
            body.put("type", "template");
            ObjectNode template = body.putObject("template").put("name", reply.template());
            template.putObject("language").put("code", config.templateLanguage());
        } else {
            body.put("type", "text");
            body.putObject("text").put("preview_url", false).put("body", reply.text());
        }
        return call(
                url(reply.accountId(), "messages"),
                body,
                answer -> text(answer.path("messages").path(0).path("id")));
    }

    private CallOutcome call(URI uri, ObjectNode body, java.util.function.Function<JsonNode, String> id) {
        return http.post(uri, config.accessToken().orElseThrow(), body, id, MetaGraphAdapter::error);
    }

    private URI url(String node, String edge) {
        return PlatformUrls.of(config.baseUrl(), config.apiVersion(), node, edge);
    }

    static String error(JsonNode answer) {
        JsonNode error = answer.path("error");
        if (!error.isObject()) {
            return null;
        }
        String message = text(error.path("message"));
        String code = text(error.path("code"));
        return (message == null ? "" : message) + (code == null ? "" : " (code " + code + ")");
    }

    private static CallOutcome missing(String what) {
        return new CallOutcome.Failed(FailureReason.REJECTED, "The reply lacks " + what + ".", 0);
    }

    static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstNonBlank(String a, String b) {
        return !blank(a) ? a : !blank(b) ? b : null;
    }
}
