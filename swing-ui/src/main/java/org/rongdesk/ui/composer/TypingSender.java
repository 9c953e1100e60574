package org.rongdesk.ui.composer;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;

/**
 * Tells the peer of a private conversation that the user is typing, at most once a second (core
 * spaces its notices further and says "paused" by itself when the calls stop). Other
 * conversations have no typing notices. Call on the EDT; the call itself runs on the client's
 * threads.
 */
final class TypingSender {
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Client client;
    private String lastTarget;
    private long lastAt;

    TypingSender(Client client) {
        this.client = client;
    }

    /** The user changed the text written to {@code conversation}. */
    void typed(ConversationRef conversation) {
        if (!"PRIVATE".equals(conversation.type())) {
            return;
        }
        long now = System.nanoTime();
        if (conversation.targetId().equals(lastTarget) && now - lastAt < INTERVAL_NANOS) {
            return;
        }
        lastTarget = conversation.targetId();
        lastAt = now;
        // best effort, as core's notices are: a notice that could not go (signed out) is not worth an error
        client.call(RongCloud::sendTypingStatus, Json.conversation("PRIVATE", conversation.targetId()), ret -> { },
                failure -> { });
    }
}
