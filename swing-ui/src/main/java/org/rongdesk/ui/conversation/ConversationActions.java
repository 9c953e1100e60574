package org.rongdesk.ui.conversation;

import java.awt.Component;
import java.awt.Window;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.Action;
import javax.swing.SwingUtilities;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;

/** What can be done to the open conversation: see its details, pin, mute, mark read, clear its messages, remove it from the list. */
public final class ConversationActions {
    private final UiContext ui;
    private final Supplier<Optional<ConversationRef>> current;
    private final ConversationListPanel list;
    private final Component parent;
    private final Consumer<ConversationRef> cleared;
    private final Consumer<ConversationRef> removed;
    private final Names names;
    private final Avatars avatars;

    public final Action details;
    public final Action pin;
    public final Action mute;
    public final Action markRead;
    public final Action clear;
    public final Action remove;

    /**
     * @param cleared called once a conversation's messages are cleared (show it again)
     * @param removed called once a conversation is removed from the list (close it)
     * @param names   the names its details show
     * @param avatars the pictures its details show
     */
    public ConversationActions(UiContext ui, Supplier<Optional<ConversationRef>> current, ConversationListPanel list,
            Component parent, Consumer<ConversationRef> cleared, Consumer<ConversationRef> removed, Names names, Avatars avatars) {
        this.ui = ui;
        this.current = current;
        this.list = list;
        this.parent = parent;
        this.cleared = cleared;
        this.removed = removed;
        this.names = names;
        this.avatars = avatars;
        details = Actions.of(ui.texts(), "action.conversationDetails", this::details);
        pin = Actions.of(ui.texts(), "action.pin", this::togglePin);
        mute = Actions.of(ui.texts(), "action.mute", this::toggleMute);
        markRead = Actions.of(ui.texts(), "action.markRead", this::markRead);
        clear = Actions.of(ui.texts(), "action.clearMessages", this::clearMessages);
        remove = Actions.of(ui.texts(), "action.removeConversation", this::remove);
    }

    /** Enables the actions when a conversation is open. */
    public void update() {
        boolean open = current.get().isPresent();
        for (Action action : new Action[] {details, pin, mute, markRead, clear, remove}) {
            action.setEnabled(open);
        }
    }

    private Optional<ListedConversation> row(ConversationRef ref) {
        return list.listed(ref.type(), ref.targetId());
    }

    private void details() {
        Window owner = parent instanceof Window window ? window : SwingUtilities.getWindowAncestor(parent);
        current.get().ifPresent(ref -> new ConversationDetailsDialog(owner, ui, ref, names, avatars).open());
    }

    private void togglePin() {
        current.get().ifPresent(ref -> {
            boolean top = !row(ref).map(ListedConversation::pinned).orElse(false);
            run(RongCloud::setConversationToTop, ref, top ? "done.pinned" : "done.unpinned", "isTop", top);
        });
    }

    private void toggleMute() {
        current.get().ifPresent(ref -> {
            boolean muted = !row(ref).map(ListedConversation::muted).orElse(false);
            run(RongCloud::setConversationNotificationStatus, ref, muted ? "done.muted" : "done.unmuted",
                    "notificationStatus", muted ? "DO_NOT_DISTURB" : "NOTIFY");
        });
    }

    private void markRead() {
        current.get().ifPresent(ref -> run(RongCloud::clearMessagesUnreadStatus, ref, "done.markedRead"));
    }

    private void clearMessages() {
        current.get().ifPresent(ref -> {
            if (Dialogs.confirm(parent, ui.texts().get("action.clearMessages"),
                    ui.texts().get("confirm.clearMessages", ref.name()))) {
                run(RongCloud::clearMessages, ref, "done.cleared", cleared);
            }
        });
    }

    private void remove() {
        current.get().ifPresent(ref -> run(RongCloud::removeConversation, ref, "done.removed", removed));
    }

    private void run(Client.Method method, ConversationRef ref, String doneKey, Object... more) {
        run(method, ref, doneKey, done -> { }, more);
    }

    private void run(Client.Method method, ConversationRef ref, String doneKey, Consumer<ConversationRef> then, Object... more) {
        ui.client().call(method, Json.conversation(ref.type(), ref.targetId(), more), ret -> {
            ui.announcer().announce(ui.texts().get(doneKey, ref.name()));
            then.accept(ref);
            ui.client().fireConversationsChanged();
        });
    }
}
