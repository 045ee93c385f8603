package io.webcare.ingest.replies;

import io.webcare.contract.events.Channel;
import io.webcare.contract.events.ReplyRequested;

/** Delivers replies to one network's API. */
public interface ChannelAdapter {
    boolean handles(Channel channel);

    /** False when this instance has no credentials for the network: its replies fail as {@code not-configured}. */
    boolean configured();

    /**
     * Calls the platform (with the shared retry policy) and says what came of it.
     *
     * @param windowClosed the platform's free-form window has closed and {@code reply.template()} is set: send the
     *     template (or the platform's equivalent) instead of free text
     */
    CallOutcome send(ReplyRequested reply, boolean windowClosed);
}
