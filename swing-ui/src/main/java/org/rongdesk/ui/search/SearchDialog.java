package org.rongdesk.ui.search;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.dialog.Dialogs;
import org.rongdesk.ui.dialog.ShortcutsDialog;
import org.rongdesk.ui.history.MessageRow;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;

/**
 * Finds messages of every conversation by what they say: Enter in the field searches the store
 * (off the EDT) and says how many were found, Down goes to the results (each read as a history
 * row, its conversation named), Up and Down say each, Up from the first goes back to the field;
 * More results reads the next {@value SearchPages#PAGE}; Enter on a result closes the dialog
 * with it, Esc without. What is said also shows in the dialog's status line.
 */
public final class SearchDialog extends JDialog {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private final UiContext ui;
    private final JTextField keyword = A11y.plain(new JTextField(28));
    private final DefaultListModel<MessageItem> found = new DefaultListModel<>();
    private final RowList<MessageItem> list = new RowList<>(found);
    private final JButton more = new JButton();
    private final JLabel status = A11y.plain(new JLabel(" "));
    private final MessageRow row;
    private final Names names;
    private final Consumer<Person> renamed;
    private SearchPages pages;
    /** Answers to calls before the last one are dropped (a new search was started meanwhile). */
    private int calls;
    private boolean reading;
    /** Set while the dialog selects a row itself: what it says next names the row. */
    private boolean selecting;
    private MessageItem chosen;

    /**
     * @param conversationOf the conversation a message is in, named as the conversation list names it
     * @param names          the names {@code words} gives senders (a name read while open shows in the rows)
     */
    public SearchDialog(Window owner, UiContext ui, MessageWords words, Function<MessageItem, ConversationRef> conversationOf,
            Names names) {
        super(owner, ui.texts().get("search.title"), ModalityType.APPLICATION_MODAL);
        this.ui = ui;
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        row = MessageRow.found(ui.texts(), words, message -> conversationOf.apply(message).name());
        this.names = names;
        renamed = person -> list.repaint();
        names.addListener(renamed);
        keyword.setName("searchKeyword");
        list.setName("searchResults");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(row);
        A11y.named(list, ui.texts().get("search.resultsName"));
        list.addListSelectionListener(e -> {
            // Up, Down, Home, End, Page Up and Down in the list: say the row reached
            if (!e.getValueIsAdjusting() && !selecting && list.isFocusOwner() && list.getSelectedValue() != null) {
                ui.announcer().announce(row.spoken(list.getSelectedValue()));
            }
        });
        list.onDoubleClick(this::choose);
        ui.texts().button(more, "search.more");
        more.setEnabled(false);
        more.addActionListener(e -> readMore());
        Keys.bind(keyword, "search.field.find", this::search);
        Keys.bind(keyword, "search.field.results", this::toResults);
        Keys.bind(list, "search.results.previous", this::previous);
        Keys.bind(list, "search.results.open", this::choose);

        JPanel top = new JPanel(new BorderLayout(6, 0));
        top.add(ui.texts().label("search.keyword", keyword), BorderLayout.WEST);
        top.add(keyword, BorderLayout.CENTER);
        JScrollPane scroll = new JScrollPane(list);
        int line = list.getFontMetrics(list.getFont()).getHeight();
        scroll.setPreferredSize(new Dimension(keyword.getPreferredSize().width * 2, line * 16));
        JPanel middle = new JPanel(new BorderLayout(0, 4));
        middle.add(ui.texts().label("search.results", list), BorderLayout.NORTH);
        middle.add(scroll, BorderLayout.CENTER);
        JPanel bottom = new JPanel(new BorderLayout(12, 0));
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(more, BorderLayout.EAST);
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        panel.add(top, BorderLayout.NORTH);
        panel.add(middle, BorderLayout.CENTER);
        panel.add(bottom, BorderLayout.SOUTH);
        setContentPane(panel);
        Dialogs.closeOnEscape(this);
    }

    @Override
    public void dispose() {
        names.removeListener(renamed);
        super.dispose();
    }

    /** Shows the dialog and waits; the message chosen, if any. */
    public Optional<MessageItem> ask() {
        pack();
        setLocationRelativeTo(getOwner());
        Dialogs.modal(this);
        return Optional.ofNullable(chosen);
    }

    private void search() {
        String text = keyword.getText().strip();
        if (text.isEmpty()) {
            say(ui.texts().get("search.empty"));
            return;
        }
        pages = new SearchPages(text);
        found.clear();
        more.setEnabled(false);
        // shown, not said: the answer comes at once and would cut it off
        status.setText(ui.texts().get("search.searching"));
        read(false);
    }

    private void readMore() {
        if (pages == null || !pages.more() || reading) {
            return;
        }
        // the new results are read from the list (the button may have taken the focus with Alt+M)
        list.requestFocusInWindow();
        read(true);
    }

    /** Asks for the next page of {@link #pages}; {@code next}: a page after the first. */
    private void read(boolean next) {
        SearchPages asked = pages;
        int call = ++calls;
        reading = true;
        ui.client().call(RongCloud::searchMessages, asked.next(), ret -> {
            if (call == calls) {
                reading = false;
                show(asked.add(MessageItem.all(ret.get("result"))), next);
            }
        }, failure -> {
            if (call == calls) {
                reading = false;
                say(ui.texts().get("search.failed", failure));
            }
        });
    }

    private void show(List<MessageItem> added, boolean next) {
        int first = found.size();
        found.addAll(added);
        more.setEnabled(pages.more());
        if (!next) {
            if (found.isEmpty()) {
                say(ui.texts().get("search.none"));
                return;
            }
            select(0);
            String count = pages.more() ? ui.texts().get("search.foundMore", found.size(), moreKey())
                    : ui.texts().get("search.found", found.size());
            say(count);
        } else if (added.isEmpty()) {
            say(ui.texts().get("search.noMore"));
        } else {
            select(first);
            say(ui.texts().get("search.loaded", added.size(), found.size(), row.spoken(found.get(first))));
        }
    }

    /** Down in the field: the focus to the results, the selected one said. */
    private void toResults() {
        if (found.isEmpty()) {
            say(ui.texts().get(pages == null ? "search.enterFirst" : "search.none"));
            return;
        }
        if (list.getSelectedIndex() < 0) {
            select(0);
        }
        list.requestFocusInWindow();
        String line = row.spoken(list.getSelectedValue());
        // once the list has the focus: the announcer speaks through the focused component
        SwingUtilities.invokeLater(() -> ui.announcer().announce(line));
    }

    /** Up in the results: the result before, or back to the field from the first. */
    private void previous() {
        int index = list.getSelectedIndex();
        if (index <= 0) {
            keyword.requestFocusInWindow();
        } else {
            list.setSelectedIndex(index - 1);
            list.ensureIndexIsVisible(index - 1);
        }
    }

    private void select(int index) {
        selecting = true;
        try {
            list.setSelectedIndex(index);
            list.ensureIndexIsVisible(index);
        } finally {
            selecting = false;
        }
    }

    private void choose() {
        chosen = list.getSelectedValue();
        if (chosen != null) {
            dispose();
        }
    }

    /** Says {@code text} and shows it in the status line. */
    private void say(String text) {
        status.setText(text);
        ui.announcer().announce(text);
    }

    /** "Alt+M": the More results button's key, said with the count. */
    private String moreKey() {
        return ShortcutsDialog.keys(KeyStroke.getKeyStroke(more.getMnemonic(), InputEvent.ALT_DOWN_MASK));
    }
}
