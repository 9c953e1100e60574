package org.rongdesk.ui.notify;

import java.awt.Frame;

import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.conversation.ConversationListPanel;
import org.rongdesk.ui.history.HistoryPanel;
import org.rongdesk.ui.settings.UiSettings;

/**
 * Tells the user about new messages, as the settings say: an announcement (all messages, or only
 * the open conversation's, or none; the conversation's name first when it is not the open one),
 * a desktop notification and a sound while the window is not in front. Muted (do-not-disturb)
 * conversations stay silent. A catch-up batch is told as one line, not message by message.
 */
public final class Arrivals implements ClientEvents, AutoCloseable {
    private final UiContext ui;
    private final Frame window;
    private final HistoryPanel history;
    private final ConversationListPanel conversations;
    private final Tray tray;
    private final Sounds sounds = new Sounds();
    private int batch;
    private MessageItem lastOfBatch;

    public Arrivals(UiContext ui, Frame window, HistoryPanel history, ConversationListPanel conversations) {
        this.ui = ui;
        this.window = window;
        this.history = history;
        this.conversations = conversations;
        this.tray = new Tray(ui, window);
    }

    @Override
    public void received(MessageItem message, int left) {
        if (MessageWords.COMMAND.equals(message.objectName()) || muted(message)) {
            return;
        }
        batch++;
        lastOfBatch = message;
        if (left > 0) {
            return;
        }
        int count = batch;
        batch = 0;
        boolean open = history.conversation().map(ref -> ref.has(lastOfBatch)).orElse(false);
        String line = count == 1 ? line(lastOfBatch, open) : ui.texts().get("arrivals.batch", count);
        UiSettings.Announce announce = ui.settings().announce();
        if (announce == UiSettings.Announce.ALL || (announce == UiSettings.Announce.FOCUSED && open && count == 1)) {
            ui.announcer().announce(line);
        }
        if (!window.isActive()) {
            if (ui.settings().notifications()) {
                tray.notify(line);
            }
            if (ui.settings().sounds()) {
                sounds.chime();
            }
        }
    }

    /** Shows the unread total in the tray. */
    public void showUnread(int unread) {
        tray.showUnread(unread);
    }

    private String line(MessageItem message, boolean open) {
        String spoken = history.spoken(message);
        if (open) {
            return spoken;
        }
        String name = row(message).map(ConversationItem::title).filter(t -> !t.isBlank()).orElse(message.targetId());
        return "PRIVATE".equals(message.type()) && name.equals(message.senderUserId()) ? spoken
                : ui.texts().get("arrivals.in", name, spoken);
    }

    private boolean muted(MessageItem message) {
        return row(message).map(ConversationItem::muted).orElse(false);
    }

    private java.util.Optional<ConversationItem> row(MessageItem message) {
        return conversations.items().stream().filter(item -> item.is(message.type(), message.targetId())).findFirst();
    }

    @Override
    public void close() {
        tray.close();
        sounds.close();
    }
}
