package org.rongdesk.ui.history;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.StringSelection;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.Action;
import javax.swing.JPopupMenu;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.Edt;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;
import org.rongdesk.ui.media.ImageViewer;
import org.rongdesk.ui.media.VoicePlayer;
import org.rongdesk.ui.plugins.PluginViewDialog;

/**
 * What can be done to the selected message: open it (show an image, play or stop a voice
 * message, show a location or rich content, a plugin type's own view), copy it, correct or
 * recall it (one this user sent), delete it, set its extra, send it again when it failed, see
 * all its details. In the history: Enter opens, Ctrl+C copies, Delete deletes, Shift+F10 or the
 * context-menu key lists these.
 */
public final class MessageActions {
    private final UiContext ui;
    private final HistoryPanel history;
    private final Window owner;
    private final MessageWords words;
    private final VoicePlayer player;

    public final Action open;
    public final Action copy;
    public final Action edit;
    public final Action recall;
    public final Action delete;
    public final Action extra;
    public final Action resend;
    public final Action details;

    public MessageActions(UiContext ui, HistoryPanel history, Window owner, MessageWords words) {
        this.ui = ui;
        this.history = history;
        this.owner = owner;
        this.words = words;
        this.player = new VoicePlayer(ui);
        open = Actions.of(ui.texts(), "action.openMessage", this::open);
        copy = Actions.of(ui.texts(), "action.copyMessage", this::copy);
        edit = Actions.of(ui.texts(), "action.editMessage", this::edit);
        recall = Actions.of(ui.texts(), "action.recallMessage", this::recall);
        delete = Actions.of(ui.texts(), "action.deleteMessage", this::delete);
        extra = Actions.of(ui.texts(), "action.setExtra", this::setExtra);
        resend = Actions.of(ui.texts(), "action.resend", this::resend);
        details = Actions.of(ui.texts(), "action.details", this::details);
        // bound on the list, not as accelerators: Ctrl+C and Delete must keep their meaning in text fields
        Keys.bind(history.messageList(), "history.open", this::open);
        Keys.bind(history.messageList(), "history.copy", this::copy);
        Keys.bind(history.messageList(), "history.delete", this::delete);
        Keys.bind(history.messageList(), "history.menu", this::popup);
        history.messageList().addListSelectionListener(e -> update());
        // a row replaced in place (sent, recalled, read) keeps its selection but may allow other things now
        history.messageList().getModel().addListDataListener(new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                update();
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                update();
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                update();
            }
        });
        history.messageList().addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                maybePopup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                maybePopup(e);
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    open();
                }
            }
        });
    }

    /** The actions in menu order. */
    public List<Action> all() {
        return List.of(open, copy, edit, recall, delete, extra, resend, details);
    }

    /** Enables what fits the selected message. */
    public void update() {
        MessageItem message = history.selected().orElse(null);
        for (Action action : all()) {
            action.setEnabled(message != null);
        }
        resend.setEnabled(message != null && message.sent() && "FAILED".equals(message.sentStatus()));
        recall.setEnabled(message != null && message.ownAndSent());
        edit.setEnabled(message != null && editable(message));
    }

    private static boolean editable(MessageItem message) {
        return message.ownAndSent() && MessageWords.TEXT.equals(message.objectName());
    }

    /** Stops a voice message playing (the window closes). */
    public void stop() {
        player.stop();
    }

    private void open() {
        history.selected().ifPresent(message -> {
            switch (message.objectName()) {
                case MessageWords.IMAGE -> local(message, "localPath", ready -> new ImageViewer(owner, ui,
                        ready.text("localPath"), words.details(ready.objectName(), ready.content())).open());
                case MessageWords.VOICE -> {
                    if (player.isPlaying(message.id())) {
                        player.stop();
                    } else {
                        local(message, "voicePath", ready -> {
                            player.play(ready.id(), ready.text("voicePath"), (long) MessageWords.number(ready.content(), "duration"));
                            markListened(ready);
                        });
                    }
                }
                case MessageWords.LOCATION -> new LocationDialog(owner, ui, message, words, () -> local(message, "imagePath",
                        ready -> new ImageViewer(owner, ui, ready.text("imagePath"), words.details(ready.objectName(),
                                ready.content())).open())).open();
                case MessageWords.RICH -> new RichContentDialog(owner, ui, message).open();
                case MessageWords.TEXT, MessageWords.COMMAND, MessageWords.DISCUSSION_NOTICE, MessageWords.RECALL -> details();
                default -> {
                    if (!PluginViewDialog.open(owner, ui, message, history.spoken(message))) {
                        details();
                    }
                }
            }
        });
    }

    /** Runs {@code then} with the message once its file is on this machine (downloading it first). */
    private void local(MessageItem message, String pathField, Consumer<MessageItem> then) {
        if (!message.text(pathField).isEmpty()) {
            then.accept(message);
            return;
        }
        ui.announcer().announce(ui.texts().get("download.started"));
        int[] said = {0};
        ui.client().rong().downloadMediaMessage(Json.of("messageId", message.id()), Edt.callback((ret, err) -> {
            String status = ret.get("status").getAsString();
            if ("progress".equals(status)) {
                int percent = Json.result(ret).get("progress").getAsInt();
                if (percent >= said[0] + 25) {
                    said[0] = percent;
                    ui.announcer().announce(ui.texts().get("download.progress", percent));
                }
            } else if ("success".equals(status)) {
                MessageItem ready = MessageItem.from(Json.result(ret).getAsJsonObject("message"));
                history.replace(ready);
                then.accept(ready);
            } else {
                ui.client().reportError(Edt.describe(err));
            }
        }));
    }

    private void markListened(MessageItem message) {
        int status = message.receivedStatus() | 2;
        if (!message.sent() && status != message.receivedStatus()) {
            ui.client().call(RongCloud::setMessageReceivedStatus, Json.of("messageId", message.id(), "receivedStatus", status),
                    ret -> history.replace(message.with(message.content(), status)));
        }
    }

    private void copy() {
        history.selected().ifPresent(message -> {
            String text = MessageWords.TEXT.equals(message.objectName()) ? message.text("text")
                    : words.summary(message.objectName(), message.content());
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
            ui.announcer().announce(ui.texts().get("done.copied"));
        });
    }

    /** Edit message…: the text in a form (Enter saves), sent as a correction; the row shows it edited. */
    private void edit() {
        history.selected().filter(MessageActions::editable).ifPresent(message -> {
            FormDialog form = new FormDialog(owner, ui, ui.texts().get("edit.title"));
            JTextArea text = form.field("edit.text", A11y.plain(new JTextArea(message.text("text"), 4, 40)));
            text.setCaretPosition(text.getDocument().getLength());
            form.enterAccepts(text);
            form.setCheck(() -> text.getText().isBlank() ? ui.texts().get("edit.needText") : null);
            if (!form.ask()) {
                return;
            }
            if (text.getText().equals(message.text("text"))) {
                ui.announcer().announce(ui.texts().get("done.unchanged"));
                return;
            }
            revise(RongCloud::editMessage, Json.of("messageId", message.id(), "text", text.getText()), "done.edited");
        });
    }

    /** Recall message: the message becomes a recall notice here and at every receiver. */
    /** Asks first: a recall cannot be undone, and its key works anywhere in the window. */
    private void recall() {
        history.selected().filter(MessageItem::ownAndSent).ifPresent(message -> {
            if (Dialogs.confirm(owner, ui.texts().get("action.recallMessage"),
                    ui.texts().get("confirm.recallMessage", history.spoken(message)))) {
                revise(RongCloud::recallMessage, Json.of("messageId", message.id()), "done.recalled");
            }
        });
    }

    /** Calls a method that changes a message in place and answers it as it is now: shows it, says {@code doneKey}. */
    private void revise(Client.Method method, JsonObject params, String doneKey) {
        ui.client().call(method, params, ret -> {
            MessageItem revised = MessageItem.from(ret.getAsJsonObject("result"));
            history.replace(revised);
            ui.announcer().announce(ui.texts().get(doneKey));
            ui.client().fireConversationChanged(revised.type(), revised.targetId());
        });
    }

    private void delete() {
        history.selected().ifPresent(message -> {
            if (!Dialogs.confirm(owner, ui.texts().get("action.deleteMessage"),
                    ui.texts().get("confirm.deleteMessage", history.spoken(message)))) {
                return;
            }
            JsonArray ids = new JsonArray();
            ids.add(message.id());
            ui.client().call(RongCloud::deleteMessages, Json.of("messageIds", ids), ret -> {
                history.remove(message.id());
                ui.announcer().announce(ui.texts().get("done.deleted"));
                ui.client().fireConversationChanged(message.type(), message.targetId());
                history.messageList().requestFocusInWindow();
            });
        });
    }

    private void setExtra() {
        history.selected().ifPresent(message -> {
            FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.setExtra"));
            JTextField value = form.field("extra.value", new JTextField(message.extra(), 30));
            if (form.ask()) {
                ui.client().call(RongCloud::setMessageExtra, Json.of("messageId", message.id(), "value", value.getText()), ret -> {
                    history.replace(new MessageItem(message.id(), message.type(), message.targetId(), message.sent(),
                            message.senderUserId(), message.objectName(), message.content(), message.sentStatus(),
                            message.receivedStatus(), message.sentTime(), value.getText()));
                    ui.announcer().announce(ui.texts().get("done.extraSet"));
                });
            }
        });
    }

    private void resend() {
        history.selected().filter(m -> "FAILED".equals(m.sentStatus()))
                .ifPresent(message -> ui.client().send(RongCloud::resendMessage, Json.of("messageId", message.id())));
    }

    private void details() {
        history.selected().ifPresent(message -> new DetailsDialog(owner, ui, message, history.spoken(message), words).open());
    }

    private void popup() {
        if (history.selected().isEmpty()) {
            return;
        }
        int index = history.messageList().getSelectedIndex();
        var bounds = history.messageList().getCellBounds(index, index);
        menu().show(history.messageList(), bounds == null ? 0 : bounds.x + 16, bounds == null ? 0 : bounds.y + bounds.height / 2);
    }

    private void maybePopup(MouseEvent e) {
        if (e.isPopupTrigger()) {
            int index = history.messageList().locationToIndex(e.getPoint());
            if (index >= 0) {
                history.messageList().setSelectedIndex(index);
                menu().show(history.messageList(), e.getX(), e.getY());
            }
        }
    }

    private JPopupMenu menu() {
        JPopupMenu menu = new JPopupMenu();
        all().forEach(menu::add);
        return menu;
    }
}
