package io.webcare.cases.replies;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.webcare.cases.replycheck.Severity;
import java.util.Map;

/** The reply check's settings ({@code webcare.reply-check.*}); defaults in application.properties. */
@ConfigMapping(prefix = "webcare.reply-check")
public interface ReplyCheckConfig {
    /** Per rule: blocking, warning or off. A rule not named is a warning. */
    Map<String, Severity> severity();

    /** Per channel (x, facebook, instagram, whatsapp, ...): the longest reply in characters. */
    Map<String, Integer> lengthLimit();

    /** How many of the agent's recent replies the repeated-empathy rule looks at. */
    @WithDefault("10")
    int empathyRecentReplies();

    /** Below this many recent replies, repetition is not judged. */
    @WithDefault("3")
    int empathyMinimumReplies();

    /** The region whose numbering plan reads phone numbers written without a country code. */
    @WithDefault("NL")
    String phoneRegion();
}
