package org.rongdesk.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.event.ListDataListener;

import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;

/**
 * The conversation list, as the store orders it (pinned first, then newest). Moving the
 * selection opens a conversation; a refresh keeps the selected row and does not open it again.
 * The list holds every conversation's place but reads rows only where it is shown
 * ({@link ConversationListModel}); a message that arrives, is sent or read changes its one row,
 * and only what changes the whole list (a removal, a pin, clearing) reads the list again,
 * coalesced, so a burst of such changes reads it once.
 */
public final class ConversationListPanel extends JPanel implements ClientEvents {
    private static final int COALESCE_MS = 150;
    /** Rows read first when the window opens (more than a maximised window shows). */
    private static final int FIRST_SCREEN = 60;
    /** Sizes every row: all rows are two lines of the list's font, so none needs measuring. */
    private static final ConversationItem PROTOTYPE = new ConversationItem("GROUP", "Wg", "Wg 汉字", 99, true, true, "",
            MessageWords.TEXT, Json.of("text", "Wg 汉字"), 0, false);

    private final ConversationReader reader;
    private final ConversationListModel model;
    private final JList<ConversationItem> list;
    private final Consumer<ConversationItem> open;
    private final Timer refresh;
    private final List<Runnable> refreshed = new ArrayList<>();
    /** Conversations whose row is being read, and those that changed again meanwhile. */
    private final Set<String> updating = new HashSet<>();
    private final Set<String> changedAgain = new HashSet<>();
    /** Rows changed while the whole order is read: put again once it is in. */
    private final List<ConversationItem> changedMeanwhile = new ArrayList<>();
    private boolean readingOrder;
    private boolean adjusting;
    /** The conversation selected while its row was not read yet: it opens once it is. */
    private ListedConversation openWhenRead;

    /**
     * A list that calls {@code open} when the user selects a conversation; private conversations
     * are named by {@code names} and show their peer's picture from {@code avatars}.
     */
    public ConversationListPanel(UiContext ui, MessageWords words, Names names, Avatars avatars, Consumer<ConversationItem> open) {
        super(new BorderLayout());
        this.open = open;
        this.reader = new ConversationReader(ui.client());
        this.model = new ConversationListModel(this::readPage, this::readAlone);
        this.list = new RowList<>(model) {
            @Override
            public void updateUI() {
                super.updateUI();
                // a theme or text size change: measure the prototype again (10,000 rows are not measured one by one)
                if (getPrototypeCellValue() != null) {
                    setPrototypeCellValue(getPrototypeCellValue());
                }
            }
        };
        list.setName("conversations");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new ConversationRow(ui.texts(), words, names, avatars));
        names.addListener(this::renamed);
        avatars.addListener(list::repaint);
        words.addSummaryListener(list::repaint);
        list.setPrototypeCellValue(PROTOTYPE);
        list.getAccessibleContext().setAccessibleName(ui.texts().get("conversations.name"));
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !adjusting && list.getSelectedIndex() >= 0) {
                chosen(list.getSelectedIndex());
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        // about 26 characters of the list's font: a name and the start of the latest message
        scroll.setPreferredSize(new Dimension(list.getFontMetrics(list.getFont()).charWidth('n') * 26 + 24, 200));
        add(ui.texts().label("conversations.label", list), BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        refresh = new Timer(COALESCE_MS, e -> load());
        refresh.setRepeats(false);
    }

    /** The list itself (the region's focus target). */
    public JList<ConversationItem> rowList() {
        return list;
    }

    /** The first row, once read. */
    public Optional<ConversationItem> first() {
        return model.getSize() == 0 ? Optional.empty() : model.row(model.entry(0).type(), model.entry(0).targetId());
    }

    /** Every listed conversation, in order (their places; rows are read as they are shown). */
    public List<ListedConversation> entries() {
        return model.entries();
    }

    /** {@code entry}'s row, or a placeholder while it is read ({@link #addRowListener} hears when it is). */
    public ConversationItem row(ListedConversation entry) {
        return model.row(entry);
    }

    /** {@code listener} hears the list's rows change. */
    public void addRowListener(ListDataListener listener) {
        model.addListDataListener(listener);
    }

    public void removeRowListener(ListDataListener listener) {
        model.removeListDataListener(listener);
    }

    /** The row of {@code type}/{@code targetId}, if it was read (rows not shown lately are not). */
    public Optional<ConversationItem> find(String type, String targetId) {
        return model.row(type, targetId);
    }

    /** {@code type}/{@code targetId}'s place and title, if listed (known for every listed conversation). */
    public Optional<ListedConversation> listed(String type, String targetId) {
        return model.listed(type, targetId);
    }

    /** Whether {@code type}/{@code targetId} is listed as muted (do not disturb). */
    public boolean muted(String type, String targetId) {
        return listed(type, targetId).map(ListedConversation::muted).orElse(false);
    }

    /** The selected row, once read. */
    public Optional<ConversationItem> selected() {
        return Optional.ofNullable(list.getSelectedValue()).filter(row -> !row.loading());
    }

    /** Selects the row of {@code type}/{@code targetId} without opening it; false when it is not listed. */
    public boolean select(String type, String targetId) {
        int index = model.indexOf(type, targetId);
        if (index < 0) {
            list.clearSelection();
            return false;
        }
        boolean was = adjusting;
        adjusting = true;
        try {
            list.setSelectedIndex(index);
            list.ensureIndexIsVisible(index);
        } finally {
            adjusting = was;
        }
        return true;
    }

    /** Reads the whole list again soon; {@code then} runs once it is shown. */
    public void refresh(Runnable then) {
        refreshed.add(then);
        if (!refresh.isRunning()) {
            refresh.start();
        }
    }

    @Override
    public void received(MessageItem message, int left) {
        update(message.type(), message.targetId());
    }

    @Override
    public void conversationChanged(String type, String targetId) {
        update(type, targetId);
    }

    @Override
    public void conversationsChanged() {
        refresh(() -> { });
    }

    /**
     * Reads the list at once (the window opens): its first screenful, so the window is usable
     * whatever the store holds; {@code then} runs once it shows. The places of the rest follow.
     */
    public void loadFirst(Runnable then) {
        reader.rows(0, FIRST_SCREEN, rows -> {
            keepSelection(() -> {
                model.replace(rows.stream().map(ListedConversation::of).toList());
                model.put(0, rows);
            });
            then.run();
            if (rows.size() >= FIRST_SCREEN) {
                readOrder(() -> { });
            }
        });
    }

    /** Rows read so far (tests check the list never reads them all). */
    int rowsRead() {
        return model.rowsRead();
    }

    /** Times the whole order was read (tests check an arrival reads none). */
    int orderReads() {
        return reader.orderReads();
    }

    /** The row at {@code index} was selected by the user: it opens, now or once it is read. */
    private void chosen(int index) {
        ConversationItem row = model.getElementAt(index);
        openWhenRead = row.loading() ? model.entry(index) : null;
        if (!row.loading()) {
            open.accept(row);
        }
    }

    /** Opens the conversation selected before its row was read, once it is. */
    private void openIfRead() {
        int index = list.getSelectedIndex();
        if (openWhenRead == null || index < 0 || !model.entry(index).same(openWhenRead)) {
            return;
        }
        model.row(openWhenRead.type(), openWhenRead.targetId()).ifPresent(row -> {
            openWhenRead = null;
            open.accept(row);
        });
    }

    /** {@code person}'s name or picture changed: their private conversation's row shows it (and says it). */
    private void renamed(Person person) {
        model.changed("PRIVATE", person.userId());
    }

    /** Reads {@code type}/{@code targetId}'s row and puts it where it goes now; one read at a time a conversation. */
    private void update(String type, String targetId) {
        String key = type + '\u0000' + targetId;
        if (!updating.add(key)) {
            changedAgain.add(key);
            return;
        }
        reader.row(type, targetId, row -> {
            updating.remove(key);
            row.ifPresent(this::put);
            if (changedAgain.remove(key)) {
                update(type, targetId);
            }
        });
    }

    private void put(ConversationItem row) {
        if (readingOrder) {
            changedMeanwhile.add(row);
        }
        keepSelection(() -> model.update(row));
        openIfRead();
    }

    private void readPage(int offset) {
        reader.rows(offset, ConversationListModel.PAGE, rows -> {
            model.put(offset, rows);
            openIfRead();
        });
    }

    /** Reads {@code entry}'s row alone (its page did not have it: the list changed meanwhile). */
    private void readAlone(ListedConversation entry) {
        reader.row(entry.type(), entry.targetId(), row -> row.ifPresentOrElse(this::put, () -> {
            model.gone(entry);
            refresh(() -> { });
        }));
    }

    private void load() {
        if (readingOrder) {
            // one read of the order at a time: this one follows it
            refresh.restart();
            return;
        }
        List<Runnable> then = new ArrayList<>(refreshed);
        refreshed.clear();
        readOrder(() -> then.forEach(Runnable::run));
    }

    /** Reads every conversation's place, then shows it with the rows that changed meanwhile; {@code then} runs after. */
    private void readOrder(Runnable then) {
        readingOrder = true;
        changedMeanwhile.clear();
        reader.order(order -> {
            readingOrder = false;
            List<ConversationItem> meanwhile = List.copyOf(changedMeanwhile);
            changedMeanwhile.clear();
            if (order != null) {
                keepSelection(() -> {
                    model.replace(order);
                    meanwhile.forEach(model::update);
                });
                int index = list.getSelectedIndex();
                if (index >= 0) {
                    list.ensureIndexIsVisible(index);
                }
            }
            then.run();
        });
    }

    /** Runs {@code change} to the model, then selects the same conversation again, without opening it. */
    private void keepSelection(Runnable change) {
        int index = list.getSelectedIndex();
        ListedConversation chosen = index >= 0 && index < model.getSize() ? model.entry(index) : null;
        boolean was = adjusting;
        adjusting = true;
        try {
            change.run();
            if (chosen != null) {
                int now = model.indexOf(chosen.type(), chosen.targetId());
                if (now < 0) {
                    list.clearSelection();
                } else if (now != list.getSelectedIndex()) {
                    list.setSelectedIndex(now);
                }
            }
        } finally {
            adjusting = was;
        }
    }
}
