package org.rongdesk.ui.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javax.swing.AbstractListModel;

import org.rongdesk.ui.app.ConversationItem;

/**
 * Every listed conversation in the store's order, with full rows for only a window of them.
 * {@link #getSize} is the whole list, so Home, End and Page Down reach every conversation; the
 * order is a {@link ListedConversation} a conversation, and a row asked for that is not read yet
 * answers a placeholder (read as "Loading…") and asks for its page, read in the background and
 * put in when it comes ({@link #put}). At most {@value #CACHED_ROWS} rows are kept, the least
 * recently shown going first. An arrival moves and refreshes its one row ({@link #update}).
 * All methods run on the EDT.
 */
final class ConversationListModel extends AbstractListModel<ConversationItem> {
    /** Rows read at a time when the list shows a part of it not read yet. */
    static final int PAGE = 100;
    /** Most rows kept: ten pages, many more than a screen shows. */
    static final int CACHED_ROWS = 1000;

    /** A row read, in the version of the list it was read for (older ones are shown while read again). */
    private record Cached(ConversationItem row, int generation) {
    }

    private final List<ListedConversation> order = new ArrayList<>();
    private final Map<String, ListedConversation> listed = new HashMap<>();
    private final Map<String, Cached> rows = new LinkedHashMap<>(CACHED_ROWS * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED_ROWS;
        }
    };
    /** Pages being read, by their first index. */
    private final Set<Integer> reading = new HashSet<>();
    /** Single rows asked for because their page did not have them (the list moved meanwhile). */
    private final Set<String> askedRows = new HashSet<>();
    private final IntConsumer readPage;
    private final Consumer<ListedConversation> readRow;
    private int generation;
    private int rowsRead;

    /**
     * @param readPage reads the {@value #PAGE} rows from an index and hands them to {@link #put}
     * @param readRow  reads one conversation's row and hands it to {@link #update} (or {@link #gone})
     */
    ConversationListModel(IntConsumer readPage, Consumer<ListedConversation> readRow) {
        this.readPage = readPage;
        this.readRow = readRow;
    }

    @Override
    public int getSize() {
        return order.size();
    }

    @Override
    public ConversationItem getElementAt(int index) {
        ListedConversation entry = order.get(index);
        Cached cached = rows.get(key(entry));
        if (cached == null || cached.generation() != generation) {
            ask(index, entry);
        }
        return cached != null ? cached.row() : ConversationItem.loading(entry.type(), entry.targetId(), entry.title());
    }

    /** The conversation at {@code index}. */
    ListedConversation entry(int index) {
        return order.get(index);
    }

    /** Every listed conversation, in order (a copy). */
    List<ListedConversation> entries() {
        return List.copyOf(order);
    }

    /** {@code type}/{@code targetId}, if listed. */
    Optional<ListedConversation> listed(String type, String targetId) {
        return Optional.ofNullable(listed.get(key(type, targetId)));
    }

    /** The row read for {@code type}/{@code targetId}, if one is kept (possibly of an older version of the list). */
    Optional<ConversationItem> row(String type, String targetId) {
        Cached cached = rows.get(key(type, targetId));
        return Optional.ofNullable(cached).map(Cached::row);
    }

    /** {@code entry}'s row, or its placeholder while it is read (alone: it may be anywhere in the list). */
    ConversationItem row(ListedConversation entry) {
        Cached cached = rows.get(key(entry));
        if (cached == null && askedRows.add(key(entry))) {
            readRow.accept(entry);
        }
        return cached != null ? cached.row() : ConversationItem.loading(entry.type(), entry.targetId(), entry.title());
    }

    /** The index of {@code type}/{@code targetId}, -1 when it is not listed. */
    int indexOf(String type, String targetId) {
        if (!listed.containsKey(key(type, targetId))) {
            return -1;
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).is(type, targetId)) {
                return i;
            }
        }
        return -1;
    }

    /** Rows read since the list was made (what a test checks the window stays below). */
    int rowsRead() {
        return rowsRead;
    }

    /**
     * The list as read again from the store: rows kept so far are shown until they are read
     * again (as they are shown), so nothing flashes "Loading…".
     */
    void replace(List<ListedConversation> entries) {
        int before = order.size();
        order.clear();
        order.addAll(entries);
        listed.clear();
        entries.forEach(entry -> listed.put(key(entry), entry));
        generation++;
        reading.clear();
        askedRows.clear();
        if (before > order.size()) {
            fireIntervalRemoved(this, order.size(), before - 1);
        } else if (before < order.size()) {
            fireIntervalAdded(this, before, order.size() - 1);
        }
        int kept = Math.min(before, order.size());
        if (kept > 0) {
            fireContentsChanged(this, 0, kept - 1);
        }
    }

    /** The page read from {@code offset}: its rows are shown; a listed row it should have had is read alone. */
    void put(int offset, List<ConversationItem> page) {
        reading.remove(offset);
        for (ConversationItem row : page) {
            keep(row);
        }
        int end = Math.min(order.size(), offset + PAGE);
        for (int i = offset; i < end; i++) {
            ListedConversation entry = order.get(i);
            Cached cached = rows.get(key(entry));
            if ((cached == null || cached.generation() != generation) && askedRows.add(key(entry))) {
                readRow.accept(entry);
            }
        }
        if (offset < end) {
            fireContentsChanged(this, offset, end - 1);
        }
    }

    /**
     * {@code row} as it is now (a message arrived, was sent or read): it moves to where the store
     * puts it, pinned first, then newest first, and every other row stays as it was.
     */
    void update(ConversationItem row) {
        String key = key(row.type(), row.targetId());
        askedRows.remove(key);
        keep(row);
        ListedConversation old = listed.get(key);
        ListedConversation entry = ListedConversation.of(row);
        if (old != null && old.sortTime() > entry.sortTime()) {
            // the store's sort time only grows (a message that arrives late does not move a conversation back)
            entry = new ListedConversation(entry.type(), entry.targetId(), entry.title(), entry.pinned(), entry.muted(),
                    old.sortTime());
        }
        listed.put(key, entry);
        int from = old == null ? -1 : indexOf(row.type(), row.targetId());
        if (from >= 0 && old.pinned() == entry.pinned() && old.sortTime() == entry.sortTime()) {
            order.set(from, entry);
            fireContentsChanged(this, from, from);
            return;
        }
        if (from >= 0) {
            order.remove(from);
        }
        int to = 0;
        while (to < order.size() && ListedConversation.ORDER.compare(order.get(to), entry) < 0) {
            to++;
        }
        order.add(to, entry);
        if (from == to) {
            fireContentsChanged(this, to, to);
            return;
        }
        if (from >= 0) {
            fireIntervalRemoved(this, from, from);
        }
        fireIntervalAdded(this, to, to);
    }

    /** {@code entry} was asked for alone and the store no longer has it: it waits for the list to be read again. */
    void gone(ListedConversation entry) {
        askedRows.add(key(entry));
    }

    /** Paints {@code type}/{@code targetId}'s row again (its peer's name or picture changed), and says it so. */
    void changed(String type, String targetId) {
        int index = indexOf(type, targetId);
        if (index >= 0) {
            fireContentsChanged(this, index, index);
        }
    }

    private void keep(ConversationItem row) {
        rows.put(key(row.type(), row.targetId()), new Cached(row, generation));
        rowsRead++;
    }

    private void ask(int index, ListedConversation entry) {
        int offset = index / PAGE * PAGE;
        if (!askedRows.contains(key(entry)) && reading.add(offset)) {
            readPage.accept(offset);
        }
    }

    private static String key(ListedConversation entry) {
        return key(entry.type(), entry.targetId());
    }

    private static String key(String type, String targetId) {
        return type + '\u0000' + targetId;
    }
}
