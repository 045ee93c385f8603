package io.webcare.ingest.webhooks.x;

import static io.webcare.ingest.webhooks.Payloads.MAX_ID;
import static io.webcare.ingest.webhooks.Payloads.MAX_TEXT;
import static io.webcare.ingest.webhooks.Payloads.array;
import static io.webcare.ingest.webhooks.Payloads.count;
import static io.webcare.ingest.webhooks.Payloads.epoch;
import static io.webcare.ingest.webhooks.Payloads.optional;
import static io.webcare.ingest.webhooks.Payloads.optionalId;
import static io.webcare.ingest.webhooks.Payloads.requiredId;
import static io.webcare.ingest.webhooks.Payloads.url;

import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.contract.events.Author;
import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Media;
import io.webcare.contract.events.Visibility;
import io.webcare.contract.problem.ProblemException;
import io.webcare.ingest.messages.IncomingMessage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one X Account Activity delivery into the customer messages it carries: {@code tweet_create_events} (mentions
 * and replies; public, on the thread of the post they answer or their own) and {@code direct_message_events} of type
 * {@code message_create} (private, the sender described in {@code users}). The subscribed account is
 * {@code for_user_id}; what that account itself posts or sends, retweets, and every other event kind (likes, follows,
 * typing, reads) is left out.
 */
public final class XDeliveryParser {
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private XDeliveryParser() {}

    public static List<IncomingMessage> messages(JsonNode delivery) {
        List<IncomingMessage> messages = new ArrayList<>();
        Iterable<JsonNode> tweets = array(delivery, "tweet_create_events", "");
        Iterable<JsonNode> directMessages = array(delivery, "direct_message_events", "");
        if (!tweets.iterator().hasNext() && !directMessages.iterator().hasNext()) {
            return messages;
        }
        String account = requiredId(delivery, "for_user_id", "");
        for (JsonNode tweet : tweets) {
            tweet(account, tweet, messages);
        }
        for (JsonNode event : directMessages) {
            directMessage(account, delivery.path("users"), event, messages);
        }
        return messages;
    }

    private static void tweet(String account, JsonNode tweet, List<IncomingMessage> out) {
        String where = "tweet_create_events[].";
        if (tweet.hasNonNull("retweeted_status")) {
            return; // a retweet repeats someone else's post; it asks nothing of us
        }
        JsonNode user = tweet.path("user");
        String authorId = requiredId(user, "id_str", where + "user.");
        if (authorId.equals(account)) {
            return; // our own post or reply
        }
        String id = requiredId(tweet, "id_str", where);
        String replyTo = optionalId(tweet, "in_reply_to_status_id_str", where);
        String screenName = requiredId(user, "screen_name", where + "user.");
        out.add(new IncomingMessage(
                Channel.X,
                account,
                id,
                replyTo != null ? replyTo : id,
                Visibility.PUBLIC,
                new Author(
                        authorId,
                        "@" + screenName,
                        optional(user, "name", where + "user.", MAX_ID),
                        count(user, "followers_count"),
                        user.path("verified").asBoolean(false)),
                fullText(tweet, where),
                tweetMedia(tweet),
                sentAt(tweet)));
    }

    /** Long posts carry their whole text in extended_tweet.full_text; text is then truncated. */
    private static String fullText(JsonNode tweet, String where) {
        String extended = optional(tweet.path("extended_tweet"), "full_text", where + "extended_tweet.", MAX_TEXT);
        if (extended != null) {
            return extended;
        }
        String full = optional(tweet, "full_text", where, MAX_TEXT);
        return full != null ? full : optional(tweet, "text", where, MAX_TEXT);
    }

    private static List<Media> tweetMedia(JsonNode tweet) {
        JsonNode entities = tweet.path("extended_tweet").path("extended_entities");
        if (!entities.isObject()) {
            entities = tweet.path("extended_entities");
        }
        if (!entities.isObject()) {
            entities = tweet.path("entities");
        }
        List<Media> media = new ArrayList<>();
        for (JsonNode item : array(entities, "media", "entities.")) {
            addMedia(item, media);
        }
        return media;
    }

    private static void addMedia(JsonNode item, List<Media> media) {
        String url = url(item, "media_url_https");
        if (url == null) {
            return;
        }
        String type =
                switch (item.path("type").asText("")) {
                    case "photo" -> "image";
                    case "video", "animated_gif" -> "video";
                    default -> "file";
                };
        media.add(new Media(type, url));
    }

    private static Instant sentAt(JsonNode tweet) {
        Instant fromMillis = epoch(tweet.get("timestamp_ms"), true);
        if (fromMillis != null) {
            return fromMillis;
        }
        String createdAt = tweet.path("created_at").asText("");
        try {
            return createdAt.isEmpty()
                    ? null
                    : ZonedDateTime.parse(createdAt, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void directMessage(String account, JsonNode users, JsonNode event, List<IncomingMessage> out) {
        if (!"message_create".equals(event.path("type").asText())) {
            return;
        }
        String where = "direct_message_events[].";
        JsonNode create = event.path("message_create");
        String senderId = requiredId(create, "sender_id", where + "message_create.");
        if (senderId.equals(account)) {
            return; // a DM our account sent (an agent's reply)
        }
        JsonNode sender = users.path(senderId);
        if (!sender.isObject()) {
            throw ProblemException.badRequest("'users' does not describe the sender " + senderId + ".");
        }
        String screenName = optionalId(sender, "screen_name", "users{}.");
        JsonNode data = create.path("message_data");
        List<Media> media = new ArrayList<>();
        JsonNode attachment = data.path("attachment");
        if ("media".equals(attachment.path("type").asText())) {
            addMedia(attachment.path("media"), media);
        }
        out.add(new IncomingMessage(
                Channel.X,
                account,
                requiredId(event, "id", where),
                null, // one private conversation per customer: the conversation key is the sender
                Visibility.PRIVATE,
                new Author(
                        senderId,
                        screenName != null ? "@" + screenName : senderId,
                        optional(sender, "name", "users{}.", MAX_ID),
                        count(sender, "followers_count"),
                        sender.path("verified").asBoolean(false)),
                optional(data, "text", where + "message_create.message_data.", MAX_TEXT),
                media,
                epoch(event.get("created_timestamp"), true)));
    }
}
