package org.rongdesk.ui.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.swing.JLabel;

import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConnectionState;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.conversation.ConversationListPanel;
import org.rongdesk.ui.people.Names;

/**
 * Who is typing to the user, by name in the status bar ("Bob is typing…") until they stop. With
 * "Announce when people type" on it is also said, politely (it never cuts off another line), once
 * each time someone starts, never for a muted conversation.
 */
public final class TypingStatus implements ClientEvents {
    private final UiContext ui;
    private final ConversationListPanel conversations;
    private final Names names;
    private final JLabel line = A11y.plain(new JLabel(" "));
    /** Who is typing, in the order they started. */
    private final Set<String> typists = new LinkedHashSet<>();

    public TypingStatus(UiContext ui, ConversationListPanel conversations, Names names) {
        this.ui = ui;
        this.conversations = conversations;
        this.names = names;
        line.setName("typing");
        names.addListener(person -> {
            if (typists.contains(person.userId())) {
                show();
            }
        });
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
            names.whenKnown(List.of(userId), () -> ui.announcer().announcePolitely(ui.texts().get("typing.one", names.name(userId))));
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
        String who = typists.stream().map(names::name).collect(Collectors.joining(", "));
        line.setText(typists.isEmpty() ? " " : ui.texts().get(typists.size() == 1 ? "typing.one" : "typing.many", who));
    }
}
