package io.webcare.ingest.replies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyRequested;
import io.webcare.contract.events.Visibility;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replies through the X API v2, in the shapes of its public documentation:
 *
 * <ul>
 *   <li>public: {@code POST /2/tweets} with {@code text} and {@code reply.in_reply_to_tweet_id}; answer 201
 *       {@code {data: {id, text}}}.
 *   <li>private: {@code POST /2/dm_conversations/with/{participant_id}/messages} with {@code text}; answer 201
 *       {@code {data: {dm_conversation_id, dm_event_id}}}.
 * </ul>
 *
 * Errors are problem documents ({@code title}, {@code detail}, {@code status}) or {@code {errors: [{message}]}}; a
 * 429 carries {@code x-rate-limit-reset}. X has no reply window.
 */
@ApplicationScoped
public class XApiAdapter implements ChannelAdapter {
    private final RepliesConfig.X config;
    private final PlatformHttp http;
    private final ObjectMapper json;

    public XApiAdapter(RepliesConfig config, PlatformHttp http, ObjectMapper json) {
        this.config = config.x();
        this.http = http;
        this.json = json;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.X;
    }

    @Override
    public boolean configured() {
        return config.accessToken().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public CallOutcome send(ReplyRequested reply, boolean windowClosed) {
        String token = config.accessToken().orElseThrow();
        if (reply.visibility() == Visibility.PUBLIC) {
            String tweetId = firstNonBlank(reply.inReplyToExternalId(), reply.threadRef());
            if (tweetId == null) {
                return missing("the id of the post to answer (inReplyToExternalId)");
            }
            ObjectNode body = json.createObjectNode().put("text", reply.text());
            body.putObject("reply").put("in_reply_to_tweet_id", tweetId);
            return http.post(
                    PlatformUrls.of(config.baseUrl(), "2", "tweets"),
                    token,
                    body,
                    answer -> MetaGraphAdapter.text(answer.path("data").path("id")),
                    XApiAdapter::error);
        }
        if (reply.recipientId() == null || reply.recipientId().isBlank()) {
            return missing("the customer's user id (recipientId)");
        }
        ObjectNode body = json.createObjectNode().put("text", reply.text());
        return http.post(
                PlatformUrls.of(config.baseUrl(), "2", "dm_conversations", "with", reply.recipientId(), "messages"),
                token,
                body,
                answer -> MetaGraphAdapter.text(answer.path("data").path("dm_event_id")),
                XApiAdapter::error);
    }

    static String error(JsonNode answer) {
        String detail = MetaGraphAdapter.text(answer.path("detail"));
        if (detail != null) {
            return detail;
        }
        String title = MetaGraphAdapter.text(answer.path("title"));
        if (title != null) {
            return title;
        }
        return MetaGraphAdapter.text(answer.path("errors").path(0).path("message"));
    }

    private static CallOutcome missing(String what) {
        return new CallOutcome.Failed(FailureReason.REJECTED, "The reply lacks " + what + ".", 0);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
