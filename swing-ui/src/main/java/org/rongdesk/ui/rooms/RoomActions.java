package org.rongdesk.ui.rooms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.awt.Window;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.Action;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;
import org.rongdesk.ui.people.Names;

/**
 * Starting and leaving conversations with several people: new private chats, discussions,
 * groups and chat rooms. A room joined opens at once; a room left closes.
 */
public final class RoomActions {
    private final UiContext ui;
    private final Window owner;
    private final Supplier<Optional<ConversationRef>> current;
    private final Consumer<ConversationRef> open;
    private final Consumer<ConversationRef> gone;
    private final Names names;

    public final Action newDiscussion;
    public final Action discussionSettings;
    public final Action joinGroup;
    public final Action quitGroup;
    public final Action syncGroups;
    public final Action joinChatRoom;
    public final Action quitChatRoom;

    /**
     * @param current the open conversation
     * @param open    opens a conversation (one just joined or created)
     * @param gone    closes a conversation the user left
     * @param names   how members are named
     */
    public RoomActions(UiContext ui, Window owner, Supplier<Optional<ConversationRef>> current, Consumer<ConversationRef> open,
            Consumer<ConversationRef> gone, Names names) {
        this.ui = ui;
        this.owner = owner;
        this.current = current;
        this.open = open;
        this.gone = gone;
        this.names = names;
        newDiscussion = Actions.of(ui.texts(), "action.newDiscussion", this::createDiscussion);
        discussionSettings = Actions.of(ui.texts(), "action.discussionSettings", this::discussionSettings);
        joinGroup = Actions.of(ui.texts(), "action.joinGroup", this::joinGroup);
        quitGroup = Actions.of(ui.texts(), "action.quitGroup", this::quitGroup);
        syncGroups = Actions.of(ui.texts(), "action.syncGroups", this::syncGroups);
        joinChatRoom = Actions.of(ui.texts(), "action.joinChatRoom", this::joinChatRoom);
        quitChatRoom = Actions.of(ui.texts(), "action.quitChatRoom", this::quitChatRoom);
    }

    /** Enables what fits the open conversation. */
    public void update() {
        String type = current.get().map(ConversationRef::type).orElse("");
        discussionSettings.setEnabled("DISCUSSION".equals(type));
        quitGroup.setEnabled("GROUP".equals(type));
        quitChatRoom.setEnabled("CHATROOM".equals(type));
    }

    /** Asks whom to write to; the private conversation with them. */
    public Optional<ConversationRef> askPrivateChat() {
        FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.newChat"));
        JTextField user = form.field("chat.user", new JTextField(20));
        form.setCheck(() -> user.getText().isBlank() ? ui.texts().get("chat.needUser") : null);
        return form.ask() ? Optional.of(new ConversationRef("PRIVATE", user.getText().strip(), "")) : Optional.empty();
    }

    private void createDiscussion() {
        FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.newDiscussion"));
        JTextField name = form.field("discussion.name", new JTextField(30));
        JTextArea members = form.field("discussion.members", new JTextArea(3, 30));
        form.note(ui.texts().get("discussion.membersHelp"));
        form.setCheck(() -> name.getText().isBlank() ? ui.texts().get("discussion.needName")
                : ids(members.getText()).isEmpty() ? ui.texts().get("discussion.needMembers") : null);
        if (form.ask()) {
            String title = name.getText().strip();
            ui.client().call(RongCloud::createDiscussion, Json.of("name", title, "userIdList", array(ids(members.getText()))),
                    ret -> {
                        String id = Json.result(ret).get("discussionId").getAsString();
                        ui.announcer().announce(ui.texts().get("done.discussionCreated", title));
                        open.accept(new ConversationRef("DISCUSSION", id, title));
                        ui.client().fireConversationsChanged();
                    });
        }
    }

    private void discussionSettings() {
        current.get().filter(ref -> "DISCUSSION".equals(ref.type()))
                .ifPresent(ref -> new DiscussionDialog(owner, ui, ref, open, gone, names).open());
    }

    private void joinGroup() {
        FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.joinGroup"));
        JTextField id = form.field("group.id", new JTextField(20));
        JTextField name = form.field("group.name", new JTextField(30));
        form.setCheck(() -> id.getText().isBlank() ? ui.texts().get("group.needId") : null);
        if (form.ask()) {
            String groupId = id.getText().strip();
            String title = name.getText().isBlank() ? groupId : name.getText().strip();
            ui.client().call(RongCloud::joinGroup, Json.of("groupId", groupId, "groupName", title), ret -> {
                ui.announcer().announce(ui.texts().get("done.joined", title));
                open.accept(new ConversationRef("GROUP", groupId, title));
                ui.client().fireConversationsChanged();
            });
        }
    }

    private void quitGroup() {
        current.get().filter(ref -> "GROUP".equals(ref.type())).ifPresent(ref -> {
            if (Dialogs.confirm(owner, ui.texts().get("action.quitGroup"), ui.texts().get("confirm.quit", ref.name()))) {
                ui.client().call(RongCloud::quitGroup, Json.of("groupId", ref.targetId()), ret -> left(ref));
            }
        });
    }

    private void syncGroups() {
        FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.syncGroups"));
        form.note(ui.texts().get("group.syncHelp"));
        JTextArea lines = form.field("group.syncList", new JTextArea(6, 30));
        if (form.ask()) {
            JsonArray groups = new JsonArray();
            for (String line : lines.getText().split("\\R")) {
                String[] parts = line.split(",", 2);
                if (!parts[0].isBlank()) {
                    JsonObject group = Json.of("groupId", parts[0].strip(),
                            "groupName", parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : parts[0].strip());
                    groups.add(group);
                }
            }
            ui.client().call(RongCloud::syncGroup, Json.of("groups", groups), ret -> {
                ui.announcer().announce(ui.texts().get("done.synced", groups.size()));
                ui.client().fireConversationsChanged();
            });
        }
    }

    private void joinChatRoom() {
        FormDialog form = new FormDialog(owner, ui, ui.texts().get("action.joinChatRoom"));
        JTextField id = form.field("chatroom.id", new JTextField(20));
        JSpinner count = form.field("chatroom.history", new JSpinner(new SpinnerNumberModel(10, -1, 50, 1)));
        A11y.named(((JSpinner.DefaultEditor) count.getEditor()).getTextField(), ui.texts().get("chatroom.history"));
        form.note(ui.texts().get("chatroom.historyHelp"));
        form.setCheck(() -> id.getText().isBlank() ? ui.texts().get("chatroom.needId") : null);
        if (form.ask()) {
            String roomId = id.getText().strip();
            ui.client().call(RongCloud::joinChatRoom, Json.of("chatRoomId", roomId, "defMessageCount", (Integer) count.getValue()),
                    ret -> {
                        ui.announcer().announce(ui.texts().get("done.joined", roomId));
                        open.accept(new ConversationRef("CHATROOM", roomId, roomId));
                        ui.client().fireConversationsChanged();
                    });
        }
    }

    private void quitChatRoom() {
        current.get().filter(ref -> "CHATROOM".equals(ref.type())).ifPresent(ref ->
                ui.client().call(RongCloud::quitChatRoom, Json.of("chatRoomId", ref.targetId()), ret -> left(ref)));
    }

    /** After leaving: said, closed, and off the list (its history stays in the store). */
    static void left(UiContext ui, ConversationRef ref, Consumer<ConversationRef> gone) {
        ui.announcer().announce(ui.texts().get("done.left", ref.name()));
        ui.client().call(RongCloud::removeConversation, Json.conversation(ref.type(), ref.targetId()), ret -> gone.accept(ref),
                failure -> gone.accept(ref));
    }

    private void left(ConversationRef ref) {
        left(ui, ref, gone);
    }

    /** User ids separated by commas, spaces or lines. */
    static List<String> ids(String text) {
        return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
