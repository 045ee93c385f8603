package io.webcare.ingest.webhooks.meta;

import static io.webcare.ingest.webhooks.Payloads.MAX_ID;
import static io.webcare.ingest.webhooks.Payloads.MAX_TEXT;
import static io.webcare.ingest.webhooks.Payloads.array;
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
import io.webcare.ingest.messages.IncomingMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one Meta webhook delivery into the customer messages it carries, one per comment or message, whatever the
 * batching ({@code entry[]}, {@code changes[]}, {@code messaging[]}, {@code messages[]}).
 *
 * <ul>
 *   <li>{@code object=page}: feed comments ({@code changes[].field=feed}, {@code item=comment}, {@code verb=add}) are
 *       public, on the thread of their post, or of the comment they answer; Messenger ({@code messaging[]}) is
 *       private.
 *   <li>{@code object=instagram}: {@code comments} / {@code live_comments} are public on their media, or the comment
 *       they answer; {@code messaging[]} (DMs) is private.
 *   <li>{@code object=whatsapp_business_account}: {@code changes[].value.messages[]} of type text are private, the
 *       account is the business {@code phone_number_id}, the name comes from {@code contacts[]}.
 * </ul>
 *
 * <p>What is ours (our page's own comments, Messenger echoes of our replies) and what carries no customer text
 * (reactions, read receipts, status updates, other fields and objects) is left out: such a delivery is acknowledged
 * with nothing published. A comment or message of a kind we do handle that lacks its id or sender is a 400.
 */
public final class MetaDeliveryParser {
    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "file");

    private MetaDeliveryParser() {}

    public static List<IncomingMessage> messages(JsonNode delivery) {
        String object = delivery.path("object").asText("");
        Channel channel =
                switch (object) {
                    case "page" -> Channel.FACEBOOK;
                    case "instagram" -> Channel.INSTAGRAM;
                    case "whatsapp_business_account" -> Channel.WHATSAPP;
                    default -> null;
                };
        List<IncomingMessage> messages = new ArrayList<>();
        if (channel == null) {
            return messages;
        }
        for (JsonNode entry : array(delivery, "entry", "")) {
            for (JsonNode change : array(entry, "changes", "entry[].")) {
                String field = change.path("field").asText("");
                JsonNode value = change.path("value");
                if (!value.isObject()) {
                    continue;
                }
                switch (channel) {
                    case FACEBOOK -> {
                        if (field.equals("feed")) {
                            pageComment(entry, value, messages);
                        }
                    }
                    case INSTAGRAM -> {
                        if (field.equals("comments") || field.equals("live_comments")) {
                            instagramComment(entry, value, messages);
                        }
                    }
                    case WHATSAPP -> {
                        if (field.equals("messages")) {
                            whatsapp(value, messages);
                        }
                    }
                    default -> {}
                }
            }
            if (channel != Channel.WHATSAPP) {
                for (JsonNode event : array(entry, "messaging", "entry[].")) {
                    directMessage(channel, entry, event, messages);
                }
            }
        }
        return messages;
    }

    private static void pageComment(JsonNode entry, JsonNode value, List<IncomingMessage> out) {
        if (!"comment".equals(value.path("item").asText())
                || !"add".equals(value.path("verb").asText())) {
            return; // posts, reactions, likes, edits and removals carry no new customer message
        }
        String where = "entry[].changes[].value.";
        String pageId = requiredId(entry, "id", "entry[].");
        String commentId = requiredId(value, "comment_id", where);
        String postId = optionalId(value, "post_id", where);
        String parentId = optionalId(value, "parent_id", where);
        JsonNode from = value.path("from");
        String authorId = optionalId(from, "id", where + "from.");
        if (pageId.equals(authorId)) {
            return; // our own comment (an agent's public reply)
        }
        String name = optional(from, "name", where + "from.", MAX_ID);
        // A reply to a comment belongs under that comment; a top-level comment's parent is the post itself.
        String thread = parentId != null && !parentId.equals(postId) ? parentId : postId;
        out.add(new IncomingMessage(
                Channel.FACEBOOK,
                pageId,
                commentId,
                thread,
                Visibility.PUBLIC,
                author(authorId, name, name),
                optional(value, "message", where, MAX_TEXT),
                photo(value),
                epoch(value.get("created_time"), false)));
    }

    private static List<Media> photo(JsonNode value) {
        String photo = url(value, "photo");
        return photo == null ? List.of() : List.of(new Media("image", photo));
    }

    private static void instagramComment(JsonNode entry, JsonNode value, List<IncomingMessage> out) {
        String where = "entry[].changes[].value.";
        String accountId = requiredId(entry, "id", "entry[].");
        String commentId = requiredId(value, "id", where);
        JsonNode from = value.path("from");
        String authorId = optionalId(from, "id", where + "from.");
        if (accountId.equals(authorId)) {
            return; // our own comment
        }
        String username = optional(from, "username", where + "from.", MAX_ID);
        String parentId = optionalId(value, "parent_id", where);
        String mediaId = optionalId(value.path("media"), "id", where + "media.");
        out.add(new IncomingMessage(
                Channel.INSTAGRAM,
                accountId,
                commentId,
                parentId != null ? parentId : mediaId,
                Visibility.PUBLIC,
                author(authorId, username == null ? null : "@" + username, username),
                optional(value, "text", where, MAX_TEXT),
                List.of(),
                null));
    }

    private static void directMessage(Channel channel, JsonNode entry, JsonNode event, List<IncomingMessage> out) {
        JsonNode message = event.path("message");
        if (!message.isObject() || message.path("is_echo").asBoolean(false)) {
            return; // deliveries, reads, postbacks, reactions; echoes of what we sent
        }
        String where = "entry[].messaging[].";
        String accountId = requiredId(entry, "id", "entry[].");
        String senderId = requiredId(event.path("sender"), "id", where + "sender.");
        if (senderId.equals(accountId)) {
            return;
        }
        String text = optional(message, "text", where + "message.", MAX_TEXT);
        List<Media> media = new ArrayList<>();
        for (JsonNode attachment : array(message, "attachments", where + "message.")) {
            String type = attachment.path("type").asText("");
            String url = url(attachment.path("payload"), "url");
            if (MEDIA_TYPES.contains(type) && url != null) {
                media.add(new Media(type, url));
            }
        }
        if ((text == null || text.isBlank()) && media.isEmpty()) {
            return; // a sticker, a like or a share without anything to read
        }
        out.add(new IncomingMessage(
                channel,
                accountId,
                requiredId(message, "mid", where + "message."),
                null, // one private conversation per customer: the conversation key is the sender
                Visibility.PRIVATE,
                author(senderId, null, null),
                text,
                media,
                epoch(event.get("timestamp"), true)));
    }

    private static void whatsapp(JsonNode value, List<IncomingMessage> out) {
        String where = "entry[].changes[].value.";
        Iterable<JsonNode> messages = array(value, "messages", where);
        if (!messages.iterator().hasNext()) {
            return; // statuses of what we sent, errors
        }
        String phoneNumberId = requiredId(value.path("metadata"), "phone_number_id", where + "metadata.");
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : array(value, "contacts", where)) {
            String waId = optionalId(contact, "wa_id", where + "contacts[].");
            String name = optional(contact.path("profile"), "name", where + "contacts[].profile.", MAX_ID);
            if (waId != null && name != null) {
                names.put(waId, name);
            }
        }
        for (JsonNode message : messages) {
            if (!"text".equals(message.path("type").asText())) {
                continue; // media, locations, reactions, interactive replies: not taken in yet
            }
            String from = requiredId(message, "from", where + "messages[].");
            out.add(new IncomingMessage(
                    Channel.WHATSAPP,
                    phoneNumberId,
                    requiredId(message, "id", where + "messages[]."),
                    null,
                    Visibility.PRIVATE,
                    new Author(from, "+" + from, names.get(from), 0, false),
                    optional(message.path("text"), "body", where + "messages[].text.", MAX_TEXT),
                    List.of(),
                    epoch(message.get("timestamp"), false)));
        }
    }

    /** Meta gives an id and sometimes a name; the handle falls back to the id (schema: handle is never empty). */
    private static Author author(String id, String handle, String name) {
        String shownAs = handle != null && !handle.isBlank() ? handle : id != null ? id : "unknown";
        return new Author(id, shownAs, name, 0, false);
    }
}
