package org.rongdesk.ui.history;

import java.util.HashMap;
import java.util.Map;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.MessageItem;

/**
 * Tells the peer of a private conversation that the user read it: once for each newest received
 * message the user has not read before, never again for the same one (a window coming to the
 * front again, or reopened after a restart, says nothing new). Call on the EDT.
 */
public final class ReadReceipts {
    /** Messages looked at for the newest received one (a peer's among the user's own replies). */
    private static final int LOOK_BACK = 20;

    private final Client client;
    /** The newest received message each peer was told about, by peer. */
    private final Map<String, Long> told = new HashMap<>();

    public ReadReceipts(Client client) {
        this.client = client;
    }

    /**
     * The user has read {@code ref} (open in the focused window). Call before its messages are
     * marked read: a message already read (before a restart) is not new news for the peer.
     */
    public void read(ConversationRef ref) {
        if (!"PRIVATE".equals(ref.type())) {
            return;
        }
        client.call(RongCloud::getLatestMessages, Json.conversation(ref.type(), ref.targetId(), "count", LOOK_BACK), ret -> {
            MessageItem.all(ret.get("result")).stream().filter(m -> !m.sent()).findFirst()
                    .filter(newest -> (newest.receivedStatus() & 1) == 0).ifPresent(this::tell);
        }, failure -> { });
    }

    private void tell(MessageItem newest) {
        String peer = newest.targetId();
        if (told.getOrDefault(peer, 0L) >= newest.id()) {
            return;
        }
        told.put(peer, newest.id());
        client.call(RongCloud::sendReadReceiptMessage, Json.conversation("PRIVATE", peer), ret -> { }, failure -> {
            // not told (signed out): the next reading tells
            told.remove(peer, newest.id());
        });
    }
}
