package org.rongdesk.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;

/**
 * Type to find a conversation: the matches narrow as you type (by the name shown or the id, anywhere in it),
 * Up and Down choose among them without leaving the field, Enter opens, Esc goes back.
 * The number of matches is announced as it changes. Every listed conversation is searched (by
 * its place in the list, which holds each one's title); a match whose row was not read yet is
 * read, and shows "Loading…" until it is.
 */
public final class QuickSwitcher extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    /** Most matches listed: the rest are found by typing more. */
    private static final int SHOWN = 200;

    private final UiContext ui;
    private final ConversationListPanel conversations;
    private final List<ListedConversation> all;
    private final List<ListedConversation> matched = new ArrayList<>();
    private final JTextField query = new JTextField(24);
    private final DefaultListModel<ConversationItem> matches = new DefaultListModel<>();
    private final RowList<ConversationItem> list = new RowList<>(matches);
    private final ConversationRow row;
    private final Names names;
    private final Consumer<Person> renamed;
    private final ListDataListener rowsRead;
    private ListedConversation chosen;

    /** A switcher among the listed {@code conversations}, their latest messages said by {@code words}, private ones named by {@code names}. */
    public QuickSwitcher(Window owner, UiContext ui, ConversationListPanel conversations, MessageWords words, Names names,
            Avatars avatars) {
        super(owner, ui.texts().get("switcher.title"), ModalityType.APPLICATION_MODAL);
        this.ui = ui;
        this.conversations = conversations;
        this.all = conversations.entries();
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        row = new ConversationRow(ui.texts(), words, names, avatars);
        this.names = names;
        // a name read while the switcher is open shows in its rows
        renamed = person -> list.repaint();
        names.addListener(renamed);
        rowsRead = new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                showRows();
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                showRows();
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                showRows();
            }
        };
        conversations.addRowListener(rowsRead);
        list.setCellRenderer(row);
        list.setVisibleRowCount(8);
        list.getAccessibleContext().setAccessibleName(ui.texts().get("switcher.matches"));
        list.onDoubleClick(this::choose);
        query.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filter();
            }
        });
        Keys.bind(query, "switcher.next", () -> move(1));
        Keys.bind(query, "switcher.previous", () -> move(-1));
        Keys.bind(query, "switcher.choose", this::choose);
        Keys.bind(list, "switcher.choose", this::choose);

        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.add(ui.texts().label("switcher.find", query), BorderLayout.WEST);
        top.add(query, BorderLayout.CENTER);
        panel.add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(query.getPreferredSize().width * 3 / 2, list.getPreferredScrollableViewportSize().height));
        panel.add(scroll, BorderLayout.CENTER);
        setContentPane(panel);
        Dialogs.closeOnEscape(this);
        filter();
    }

    @Override
    public void dispose() {
        names.removeListener(renamed);
        conversations.removeRowListener(rowsRead);
        super.dispose();
    }

    /** Shows the switcher and waits; the conversation chosen, if any. */
    public Optional<ListedConversation> ask() {
        pack();
        setLocationRelativeTo(getOwner());
        Dialogs.modal(this);
        return Optional.ofNullable(chosen);
    }

    private void filter() {
        String text = query.getText().strip().toLowerCase(Locale.ROOT);
        matches.clear();
        matched.clear();
        for (ListedConversation entry : all) {
            if (text.isEmpty() || names.conversationName(entry.type(), entry.targetId(), entry.title()).toLowerCase(Locale.ROOT)
                    .contains(text) || entry.targetId().toLowerCase(Locale.ROOT).contains(text)) {
                matched.add(entry);
            }
        }
        // rows only for the matches shown: 10,000 conversations are not 10,000 rows read
        List<ConversationItem> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(matched.size(), SHOWN); i++) {
            rows.add(conversations.row(matched.get(i)));
        }
        matches.addAll(rows);
        if (!matches.isEmpty()) {
            list.setSelectedIndex(0);
        }
        if (isVisible()) {
            ui.announcer().announce(matches.isEmpty() ? ui.texts().get("switcher.none")
                    : ui.texts().get("switcher.count", matched.size(), row.spoken(matches.get(0))));
        }
    }

    private void move(int by) {
        if (matches.isEmpty()) {
            return;
        }
        int index = Math.floorMod(list.getSelectedIndex() + by, matches.size());
        list.setSelectedIndex(index);
        list.ensureIndexIsVisible(index);
        ui.announcer().announce(row.spoken(matches.get(index)));
    }

    /** Rows read since they were shown as "Loading…" show now. */
    private void showRows() {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).loading()) {
                ConversationItem read = conversations.row(matched.get(i));
                if (!read.loading()) {
                    matches.set(i, read);
                }
            }
        }
    }

    private void choose() {
        int index = list.getSelectedIndex();
        chosen = index >= 0 ? matched.get(index) : null;
        if (chosen != null) {
            dispose();
        }
    }
}
