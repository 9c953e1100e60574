package org.rongdesk.ui.rooms;

import com.google.gson.JsonObject;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.PlainRenderer;
import org.rongdesk.ui.access.ShownText;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormGrid;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;

/**
 * A discussion's settings: its name (rename), its members (add, remove — the creator only), whether
 * members may invite others, and quitting it. Everything is read from the server when the dialog
 * opens and again after each change, so what it shows is what is true.
 */
final class DiscussionDialog extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private final UiContext ui;
    private final ConversationRef discussion;
    private final Consumer<ConversationRef> open;
    private final Consumer<ConversationRef> gone;
    private final JTextField name = A11y.plain(new JTextField(30));
    private final DefaultListModel<String> memberModel = new DefaultListModel<>();
    private final JList<String> members = new JList<>(memberModel);
    private final JTextField newMembers = new JTextField(20);
    private final JCheckBox invite;
    private final JLabel creator = A11y.plain(new JLabel(" "));
    private final Names names;
    private final Consumer<Person> renamed = person -> showPeople();
    private String creatorId = "";
    private boolean loading;

    DiscussionDialog(Window owner, UiContext ui, ConversationRef discussion, Consumer<ConversationRef> open,
            Consumer<ConversationRef> gone, Names names) {
        super(owner, ShownText.of(ui.texts().get("discussion.settingsTitle", discussion.name())), ModalityType.APPLICATION_MODAL);
        this.ui = ui;
        this.discussion = discussion;
        this.open = open;
        this.gone = gone;
        this.names = names;
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        FormGrid grid = new FormGrid();
        JButton rename = ui.texts().button(new JButton(), "discussion.rename");
        rename.addActionListener(e -> rename());
        grid.row(ui.texts().label("discussion.name", name), withButton(name, rename));
        members.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        members.setCellRenderer(new PlainRenderer(id -> person((String) id)));
        members.setVisibleRowCount(6);
        JButton remove = ui.texts().button(new JButton(), "discussion.remove");
        remove.addActionListener(e -> remove());
        Keys.bind(members, "discussion.removeMember", this::remove);
        grid.row(ui.texts().label("discussion.memberList", members), withButton(new JScrollPane(members), remove));
        JButton add = ui.texts().button(new JButton(), "discussion.add");
        add.addActionListener(e -> add());
        grid.row(ui.texts().label("discussion.addMembers", newMembers), withButton(newMembers, add));
        invite = ui.texts().button(new JCheckBox(), "discussion.invite");
        invite.addActionListener(e -> setInvite());
        grid.wide(invite, true);
        grid.wide(creator, true);
        JButton quit = ui.texts().button(new JButton(), "discussion.quit");
        quit.addActionListener(e -> quit());
        JButton close = ui.texts().button(new JButton(), "dialog.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(quit);
        buttons.add(close);
        getContentPane().add(grid.panel(), BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        Dialogs.closeOnEscape(this);
        names.addListener(renamed);
        load();
    }

    @Override
    public void dispose() {
        names.removeListener(renamed);
        super.dispose();
    }

    /** "Bob (user id: bob)": the name a member chose, and the id that removing them names. */
    private String person(String userId) {
        String name = names.name(userId);
        return name.equals(userId) ? userId : ui.texts().get("details.person", name, userId);
    }

    /** The members and the creator as they call themselves (again when a name arrives). */
    private void showPeople() {
        members.repaint();
        creator.setText(creatorId.isEmpty() ? " " : ui.texts().get("discussion.creator", names.name(creatorId)));
    }

    void open() {
        pack();
        setLocationRelativeTo(getOwner());
        SwingUtilities.invokeLater(name::requestFocusInWindow);
        Dialogs.modal(this);
    }

    private static JPanel withButton(Component field, JButton button) {
        JPanel panel = new JPanel(new BorderLayout(6, 0));
        panel.setBorder(BorderFactory.createEmptyBorder());
        panel.add(field, BorderLayout.CENTER);
        panel.add(button, BorderLayout.EAST);
        return panel;
    }

    private JsonObject id(Object... more) {
        JsonObject params = Json.of(more);
        params.addProperty("discussionId", discussion.targetId());
        return params;
    }

    private void load() {
        ui.client().call(RongCloud::getDiscussion, id(), ret -> {
            JsonObject info = Json.result(ret);
            loading = true;
            name.setText(info.get("name").getAsString());
            memberModel.clear();
            info.getAsJsonArray("memberIdList").forEach(m -> memberModel.addElement(m.getAsString()));
            invite.setSelected("OPENED".equals(info.get("inviteStatus").getAsString()));
            creatorId = info.get("creatorId").getAsString();
            showPeople();
            boolean mine = creatorId.equals(ui.client().userId());
            invite.setEnabled(mine);
            loading = false;
        });
    }

    private void rename() {
        String newName = name.getText().strip();
        if (newName.isEmpty()) {
            ui.announcer().announce(ui.texts().get("discussion.needName"));
            return;
        }
        ui.client().call(RongCloud::setDiscussionName, id("name", newName), ret -> {
            ui.announcer().announce(ui.texts().get("done.renamed", newName));
            open.accept(new ConversationRef(discussion.type(), discussion.targetId(), newName));
            ui.client().fireConversationsChanged();
        });
    }

    private void add() {
        var ids = RoomActions.ids(newMembers.getText());
        if (ids.isEmpty()) {
            ui.announcer().announce(ui.texts().get("discussion.needMembers"));
            return;
        }
        ui.client().call(RongCloud::addMemberToDiscussion, id("userIdList", RoomActions.array(ids)), ret -> {
            newMembers.setText("");
            ui.announcer().announce(ui.texts().get("done.membersAdded", String.join(", ", ids)));
            load();
        });
    }

    private void remove() {
        String member = members.getSelectedValue();
        if (member == null) {
            ui.announcer().announce(ui.texts().get("discussion.chooseMember"));
            return;
        }
        ui.client().call(RongCloud::removeMemberFromDiscussion, id("userId", member), ret -> {
            ui.announcer().announce(ui.texts().get("done.memberRemoved", names.name(member)));
            load();
        });
    }

    private void setInvite() {
        if (loading) {
            return;
        }
        boolean opened = invite.isSelected();
        ui.client().call(RongCloud::setDiscussionInviteStatus, id("inviteStatus", opened ? "OPENED" : "CLOSED"), ret ->
                ui.announcer().announce(ui.texts().get(opened ? "done.invitesOpen" : "done.invitesClosed")), failure -> {
                    ui.client().reportError(failure);
                    load();
                });
    }

    private void quit() {
        if (Dialogs.confirm(this, ui.texts().get("discussion.quit"), ui.texts().get("confirm.quit", discussion.name()))) {
            ui.client().call(RongCloud::quitDiscussion, id(), ret -> {
                dispose();
                RoomActions.left(ui, discussion, gone);
            });
        }
    }
}
