package org.rongdesk.ui.people;

import com.google.gson.JsonElement;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.FormDialog;

/**
 * People → Contacts: the user's contacts by name with their presence in words ("Bob — online"),
 * kept up to date while it is open (a change of presence is also said, politely). Enter opens the private
 * conversation with the selected one (the dialog closes with them chosen); Add contact… asks for
 * a user id, Remove contact… (or Delete) asks first. What is done is said and shown in its status line.
 */
public final class ContactsDialog extends JDialog implements ClientEvents {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private final UiContext ui;
    private final Names names;
    private final Avatars avatars;
    private final DefaultListModel<ContactItem> contacts = new DefaultListModel<>();
    private final RowList<ContactItem> list = new RowList<>(contacts);
    private final ContactRow row;
    private final JLabel status = A11y.plain(new JLabel(" "));
    private final Consumer<Person> renamed = this::renamed;
    private final Runnable pictureRead;
    private String chosen;

    public ContactsDialog(Window owner, UiContext ui, Names names, Avatars avatars) {
        super(owner, ui.texts().get("contacts.title"), ModalityType.APPLICATION_MODAL);
        this.ui = ui;
        this.names = names;
        this.avatars = avatars;
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        row = new ContactRow(ui.texts(), names, avatars);
        list.setName("contacts");
        status.setName("contactsStatus");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(row);
        list.setVisibleRowCount(10);
        A11y.named(list, ui.texts().get("contacts.listName"));
        list.onDoubleClick(this::choose);
        Keys.bind(list, "contacts.open", this::choose);
        Keys.bind(list, "contacts.remove", this::remove);
        pictureRead = list::repaint;

        JButton open = button("contacts.openConversation", this::choose);
        JButton add = button("contacts.addContact", this::add);
        JButton remove = button("contacts.removeContact", this::remove);
        JButton close = button("dialog.close", this::dispose);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(open);
        buttons.add(add);
        buttons.add(remove);
        buttons.add(close);
        JScrollPane scroll = new JScrollPane(list);
        int line = list.getFontMetrics(list.getFont()).getHeight();
        scroll.setPreferredSize(new Dimension(line * 22, line * 16));
        JPanel south = new JPanel(new BorderLayout(0, 4));
        south.add(status, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        panel.add(ui.texts().label("contacts.list", list), BorderLayout.NORTH);
        panel.add(scroll, BorderLayout.CENTER);
        panel.add(south, BorderLayout.SOUTH);
        setContentPane(panel);
        Dialogs.closeOnEscape(this);
    }

    /** Shows the contacts and waits; the user id of the one whose conversation is to open, if any. */
    public Optional<String> ask() {
        ui.client().addListener(this);
        names.addListener(renamed);
        avatars.addListener(pictureRead);
        load(null, () -> {
            if (contacts.isEmpty()) {
                // an empty list reads as just "Contacts, list": say what to do (once the list has the focus)
                SwingUtilities.invokeLater(() -> ui.announcer().announce(status.getText()));
            }
        });
        pack();
        setLocationRelativeTo(getOwner());
        SwingUtilities.invokeLater(list::requestFocusInWindow);
        Dialogs.modal(this);
        return Optional.ofNullable(chosen);
    }

    @Override
    public void dispose() {
        ui.client().removeListener(this);
        names.removeListener(renamed);
        avatars.removeListener(pictureRead);
        super.dispose();
    }

    /** Read again, not patched: the event does not say that they accepted (their subscription changed with it). */
    @Override
    public void presenceChanged(String userId, String presence) {
        load(null, () -> {
            int index = indexOf(userId);
            if (index >= 0) {
                ui.announcer().announcePolitely(row.spoken(contacts.get(index)));
            }
        });
    }

    private void renamed(Person person) {
        int index = indexOf(person.userId());
        if (index >= 0) {
            contacts.set(index, contacts.get(index));
        }
    }

    /** Reads the contacts again, then selects {@code select} (a user id; null: the one selected, else the first). */
    private void load(String select) {
        load(select, () -> { });
    }

    /** As above, then runs {@code then}. */
    private void load(String select, Runnable then) {
        String keep = select != null ? select : list.getSelectedValue() == null ? null : list.getSelectedValue().userId();
        ui.client().call((rong, params, callback) -> rong.getContacts(callback), null, ret -> {
            List<ContactItem> read = new ArrayList<>();
            JsonElement result = ret.get("result");
            if (result != null && result.isJsonArray()) {
                for (JsonElement entry : result.getAsJsonArray()) {
                    Person person = Person.from(entry.getAsJsonObject());
                    // the id as name means core has not read their profile yet: Names asks for it then
                    if (!person.equals(Person.unknown(person.userId()))) {
                        names.put(person);
                    }
                    read.add(ContactItem.from(entry.getAsJsonObject()));
                }
            }
            show(read);
            int index = keep == null ? -1 : indexOf(keep);
            if (!contacts.isEmpty()) {
                list.setSelectedIndex(Math.max(0, index));
                list.ensureIndexIsVisible(Math.max(0, index));
            }
            status.setText(contacts.isEmpty() ? ui.texts().get("contacts.none") : ui.texts().get("contacts.count", contacts.size()));
            then.run();
        });
    }

    /**
     * Shows {@code read}: the same people in the same order are changed row by row, so the row a
     * screen reader is on stays where it is; otherwise the list is filled again.
     */
    private void show(List<ContactItem> read) {
        boolean same = read.size() == contacts.size();
        for (int i = 0; same && i < read.size(); i++) {
            same = read.get(i).userId().equals(contacts.get(i).userId());
        }
        if (!same) {
            contacts.clear();
            contacts.addAll(read);
            return;
        }
        for (int i = 0; i < read.size(); i++) {
            if (!read.get(i).equals(contacts.get(i))) {
                contacts.set(i, read.get(i));
            }
        }
    }

    private void choose() {
        ContactItem selected = list.getSelectedValue();
        if (selected != null) {
            chosen = selected.userId();
            dispose();
        }
    }

    /** Add contact…: a user id, added (they are asked to share their presence); the form stays open if core refuses it. */
    private void add() {
        FormDialog form = new FormDialog(this, ui, ui.texts().get("contacts.addTitle"));
        JTextField user = form.field("contacts.userId", A11y.plain(new JTextField(20)));
        form.setCheck(() -> user.getText().isBlank() ? ui.texts().get("chat.needUser") : null);
        form.setSubmit(outcome -> {
            String id = user.getText().strip();
            ui.client().call(RongCloud::addContact, Json.of("userId", id), ret -> {
                outcome.done();
                load(id);
                names.whenKnown(List.of(id), () -> say(ui.texts().get("contacts.added", names.name(id))));
            }, failure -> outcome.failed(failure, user));
        });
        form.ask();
        list.requestFocusInWindow();
    }

    /** Remove contact…: asked first (presence is no longer shared either way). */
    private void remove() {
        ContactItem selected = list.getSelectedValue();
        if (selected == null) {
            say(ui.texts().get("contacts.chooseFirst"));
            return;
        }
        String name = names.name(selected.userId());
        if (!Dialogs.confirm(this, ui.texts().get("contacts.removeTitle"),
                ui.texts().get("contacts.confirmRemove", name, selected.userId()))) {
            return;
        }
        ui.client().call(RongCloud::removeContact, Json.of("userId", selected.userId()), ret -> {
            say(ui.texts().get("contacts.removed", name));
            load(null);
            list.requestFocusInWindow();
        }, failure -> say(ui.texts().get("error.prefix", failure)));
    }

    private int indexOf(String userId) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).userId().equals(userId)) {
                return i;
            }
        }
        return -1;
    }

    private JButton button(String key, Runnable run) {
        JButton button = ui.texts().button(new JButton(), key);
        button.addActionListener(e -> run.run());
        return button;
    }

    /** Says {@code text} and shows it in the status line. */
    private void say(String text) {
        ui.announcer().announce(text);
        status.setText(text);
    }
}
