package org.rongdesk.ui.history;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.UiContext;

/**
 * Alt+1 … Alt+9: says the open conversation's newest messages, one to nine of them (oldest first,
 * so the newest is said last), as their history rows read, without moving the focus — what Orca's
 * chat support offers, which does not reach Java programs. Read from the store, so what the
 * history has scrolled away is said too.
 */
public final class RecentMessages {
    /** Characters that end a sentence: a message ending in one needs no stop after it. */
    private static final String STOPS = ".!?…。！？";

    private final UiContext ui;
    private final HistoryPanel history;

    public RecentMessages(UiContext ui, HistoryPanel history) {
        this.ui = ui;
        this.history = history;
    }

    /** Says the newest {@code count} messages of the open conversation. */
    public void say(int count) {
        Optional<ConversationRef> open = history.conversation();
        if (open.isEmpty()) {
            ui.announcer().announce(ui.texts().get("history.none"));
            return;
        }
        ConversationRef ref = open.get();
        ui.client().call(RongCloud::getLatestMessages, Json.conversation(ref.type(), ref.targetId(), "count", count), ret -> {
            if (!history.conversation().equals(open)) {
                return; // another conversation opened meanwhile
            }
            List<MessageItem> newestFirst = MessageItem.all(ret.get("result"));
            Collections.reverse(newestFirst);
            ui.announcer().announce(newestFirst.isEmpty() ? ui.texts().get("recent.none") : sentences(newestFirst));
        });
    }

    /** The messages as one line, each ended as a sentence so that a screen reader pauses between them. */
    private String sentences(List<MessageItem> messages) {
        StringBuilder line = new StringBuilder();
        for (MessageItem message : messages) {
            String spoken = history.spoken(message).strip();
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(spoken);
            if (messages.size() > 1 && !spoken.isEmpty() && STOPS.indexOf(spoken.charAt(spoken.length() - 1)) < 0) {
                line.append(ui.texts().get("recent.stop"));
            }
        }
        return line.toString();
    }
}
