package io.webcare.cases.replycheck;

import io.webcare.contract.events.Channel;
import java.util.List;
import java.util.Map;

/**
 * The channel's length limit (X 280, Instagram 1000, WhatsApp 4096, Facebook 8000 by default), counted in Unicode
 * code points as the platforms count characters. A channel without a configured limit has none.
 */
final class LengthLimitRule implements Rule {
    static final String NAME = "length-limit";

    private final Map<Channel, Integer> limits;

    LengthLimitRule(Map<Channel, Integer> limits) {
        this.limits = Map.copyOf(limits);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hit> find(Draft draft) {
        Integer limit = draft.channel() == null ? null : limits.get(draft.channel());
        if (limit == null) {
            return List.of();
        }
        int length = draft.text().codePointCount(0, draft.text().length());
        if (length <= limit) {
            return List.of();
        }
        return List.of(new Hit(
                length + " characters",
                "Longer than " + draft.channel().wireName() + " allows (" + limit + "); shorten it by "
                        + (length - limit) + "."));
    }
}
