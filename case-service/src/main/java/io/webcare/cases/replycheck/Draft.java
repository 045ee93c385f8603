package io.webcare.cases.replycheck;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.Visibility;
import java.util.List;

/**
 * A reply as the check sees it.
 *
 * @param recentReplies the texts of the same agent's most recent replies, newest first (for varied empathy)
 */
public record Draft(String text, Channel channel, Visibility visibility, List<String> recentReplies) {
    public Draft {
        text = text == null ? "" : text;
        recentReplies = recentReplies == null ? List.of() : List.copyOf(recentReplies);
    }
}
