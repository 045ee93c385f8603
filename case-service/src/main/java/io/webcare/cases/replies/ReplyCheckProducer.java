package io.webcare.cases.replies;

import io.webcare.cases.replycheck.ReplyCheck;
import io.webcare.contract.events.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.EnumMap;
import java.util.Map;

/** The configured reply check; a wrong rule or channel name in the configuration stops the service at start. */
@ApplicationScoped
public class ReplyCheckProducer {
    @Produces
    @ApplicationScoped
    ReplyCheck replyCheck(ReplyCheckConfig config) {
        Map<Channel, Integer> limits = new EnumMap<>(Channel.class);
        config.lengthLimit().forEach((channel, limit) -> limits.put(Channel.fromWireName(channel), limit));
        return new ReplyCheck(config.severity(), limits, config.empathyMinimumReplies(), config.phoneRegion());
    }
}
