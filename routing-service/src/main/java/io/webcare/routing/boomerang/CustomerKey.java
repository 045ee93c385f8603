package io.webcare.routing.boomerang;

import io.webcare.contract.events.Channel;
import java.util.Locale;

/** How routing recognises a customer across cases: the channel and the author's handle. */
public final class CustomerKey {
    private CustomerKey() {}

    public static String of(Channel channel, String handle) {
        if (channel == null || handle == null || handle.isBlank()) {
            return null;
        }
        return channel.name().toLowerCase(Locale.ROOT) + ":" + handle.strip().toLowerCase(Locale.ROOT);
    }
}
