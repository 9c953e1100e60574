package org.rongdesk.ui.notify;

import java.awt.Frame;
import java.util.List;

import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.conversation.ConversationListPanel;
import org.rongdesk.ui.history.HistoryPanel;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.settings.UiSettings;

/**
 * Tells the user about new messages, as the settings say: an announcement (all conversations'
 * messages, or only the open conversation's, or none; the conversation's name first when it is
 * not the open one, unless the user turned that off), a desktop notification and a sound while
 * the window is not in front. Muted (do-not-disturb) conversations stay silent. A catch-up batch
 * is told as one line, not message by message. A peer's correction or recall is said as a new
 * message would be (announcement only). People are said by name: a line waits (briefly) for the
 * names in it to be read, and lines are said in the order their messages came; a plugin type's
 * message waits for its summary (computed off the EDT) so that the line says it.
 */
public final class Arrivals implements ClientEvents, AutoCloseable {
    private final UiContext ui;
    private final Frame window;
    private final HistoryPanel history;
    private final ConversationListPanel conversations;
    private final Names names;
    private final MessageWords words;
    private final Tray tray;
    private final Sounds sounds = new Sounds();
    private int batch;
    private MessageItem lastOfBatch;

    /** Says what arrives in {@code window}; {@code words} says plugin types (their summaries may be computed later). */
    public Arrivals(UiContext ui, Frame window, HistoryPanel history, ConversationListPanel conversations, Names names,
            MessageWords words) {
        this.ui = ui;
        this.words = words;
        this.window = window;
        this.history = history;
        this.conversations = conversations;
        this.names = names;
        this.tray = new Tray(ui, window);
    }

    @Override
    public void received(MessageItem message, int left) {
        if (MessageWords.COMMAND.equals(message.objectName()) || muted(message.type(), message.targetId())) {
            return;
        }
        batch++;
        lastOfBatch = message;
        if (left > 0) {
            return;
        }
        int count = batch;
        batch = 0;
        MessageItem last = lastOfBatch;
        Runnable tell = () -> names.whenKnown(count == 1 ? people(last.type(), last.targetId(), last.senderUserId()) : List.of(), () -> {
            String line = count == 1 ? line(last.type(), last.targetId(), last.senderUserId(), history.spoken(last))
                    : ui.texts().get("arrivals.batch", count);
            say(line, count == 1 && isOpen(last.type(), last.targetId()));
            if (!window.isActive()) {
                if (ui.settings().notifications()) {
                    tray.notify(line);
                }
                if (ui.settings().sounds()) {
                    sounds.chime();
                }
            }
        });
        if (count == 1) {
            words.whenSaid(last.objectName(), last.content(), tell);
        } else {
            tell.run();
        }
    }

    @Override
    public void edited(MessageItem message) {
        if (!muted(message.type(), message.targetId())) {
            words.whenSaid(message.objectName(), message.content(), () -> names.whenKnown(people(message.type(),
                    message.targetId(), message.senderUserId()), () -> say(line(message.type(), message.targetId(),
                    message.senderUserId(), history.spoken(message)), isOpen(message.type(), message.targetId()))));
        }
    }

    @Override
    public void recalled(long messageId, String type, String targetId, String senderUserId) {
        if (!senderUserId.equals(ui.client().userId()) && !muted(type, targetId)) {
            names.whenKnown(people(type, targetId, senderUserId), () -> say(line(type, targetId, senderUserId,
                    ui.texts().get("recall.other", names.name(senderUserId))), isOpen(type, targetId)));
        }
    }

    /** Whose names a line about {@code senderUserId}'s message in {@code type}/{@code targetId} says. */
    private static List<String> people(String type, String targetId, String senderUserId) {
        return "PRIVATE".equals(type) ? List.of(senderUserId, targetId) : List.of(senderUserId);
    }

    /** Announces {@code line} if the setting wants lines of this conversation ({@code open}: the open one's). */
    private void say(String line, boolean open) {
        UiSettings.Announce announce = ui.settings().announce();
        if (announce == UiSettings.Announce.ALL || (announce == UiSettings.Announce.FOCUSED && open)) {
            ui.announcer().announceInTurn(line);
        }
    }

    /** Shows the unread total in the tray. */
    public void showUnread(int unread) {
        tray.showUnread(unread);
    }

    /**
     * {@code spoken} (from {@code senderUserId}), with its conversation's name first when it is
     * not the open one and the setting says so; a private conversation with its sender is not
     * named twice.
     */
    private String line(String type, String targetId, String senderUserId, String spoken) {
        if (isOpen(type, targetId) || !ui.settings().speakConversationName()
                || "PRIVATE".equals(type) && targetId.equals(senderUserId)) {
            return spoken;
        }
        String title = conversations.listed(type, targetId).map(entry -> entry.title()).orElse("");
        return ui.texts().get("arrivals.in", names.conversationName(type, targetId, title), spoken);
    }

    private boolean isOpen(String type, String targetId) {
        return history.conversation().map(ref -> ref.type().equals(type) && ref.targetId().equals(targetId)).orElse(false);
    }

    private boolean muted(String type, String targetId) {
        return conversations.muted(type, targetId);
    }

    @Override
    public void close() {
        tray.close();
        sounds.close();
    }
}
