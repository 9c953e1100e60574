package org.rongdesk.ui.notify;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.swing.JLabel;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConnectionState;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.conversation.ConversationListPanel;

/**
 * Who is typing to the user, in words in the status bar ("bob is typing…") until they stop. With
 * "Announce when people type" on it is also said, politely (it never cuts off another line), once
 * each time someone starts, never for a muted conversation.
 */
public final class TypingStatus implements ClientEvents {
    private final UiContext ui;
    private final ConversationListPanel conversations;
    private final JLabel line = A11y.plain(new JLabel(" "));
    /** Who is typing, in the order they started. */
    private final Set<String> typists = new LinkedHashSet<>();

    public TypingStatus(UiContext ui, ConversationListPanel conversations) {
        this.ui = ui;
        this.conversations = conversations;
        line.setName("typing");
    }

    /** The status bar's label. */
    public JLabel label() {
        return line;
    }

    @Override
    public void typing(String type, String targetId, String userId, boolean typing) {
        boolean changed = typing ? typists.add(userId) : typists.remove(userId);
        if (!changed) {
            return;
        }
        show();
        if (typing && ui.settings().announceTyping() && !conversations.muted(type, targetId)) {
            ui.announcer().announcePolitely(ui.texts().get("typing.one", userId));
        }
    }

    @Override
    public void connectionChanged(ConnectionState state) {
        // no "stopped" can arrive while away
        if (state != ConnectionState.CONNECTED && !typists.isEmpty()) {
            typists.clear();
            show();
        }
    }

    private void show() {
        String who = String.join(", ", typists);
        line.setText(typists.isEmpty() ? " " : ui.texts().get(typists.size() == 1 ? "typing.one" : "typing.many", who));
    }
}
