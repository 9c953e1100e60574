package org.rongdesk.ui.history;

import java.awt.BorderLayout;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.media.Thumbnails;
import org.rongdesk.ui.people.Names;

/**
 * The open conversation's messages, oldest at the top, one list row each, so a screen reader
 * reads them one at a time with the arrow keys. Reaching the top row (or scrolling to the top)
 * loads the page before it and keeps the same message selected; the end of the conversation is
 * said once. New messages are added at the bottom without moving the selection. A message found
 * elsewhere (a search) is {@linkplain #reveal revealed}: older pages are read until it is there.
 */
public final class HistoryPanel extends JPanel implements ClientEvents {
    /** Messages per page. */
    static final int PAGE = 30;
    /** Most messages the list holds: scrolling far drops the far end (re-read when the user comes back), so memory stays flat. */
    static final int MAX_ROWS = 10 * PAGE;
    /** Most messages one history call returns. */
    private static final int MAX_PAGE = 1000;
    /** Most older messages {@link #reveal} reads before it gives up. */
    static final int REVEAL_LIMIT = 3000;

    /**
     * A block of newer messages dropped from the bottom: the {@code count} messages before
     * {@code before} (-1: the latest), the oldest of them {@code firstId}.
     */
    private record Dropped(long before, int count, long firstId) {
    }

    private final UiContext ui;
    private final DefaultListModel<MessageItem> model = new DefaultListModel<>();
    private final JList<MessageItem> list = new RowList<>(model);
    private final JLabel title;
    private final MessageRow row;
    private final Thumbnails thumbnails;
    private ConversationRef conversation;
    private boolean more;
    private boolean loading;
    /** Runs once the page being read now is shown (the memory benchmark waits for the first). */
    private Runnable afterLoad;
    /** Dropped blocks, the one just below the bottom row first. */
    private final Deque<Dropped> below = new ArrayDeque<>();
    private int generation;

    /** A history whose rows name people as {@code words} does, painted again when {@code names} change. */
    public HistoryPanel(UiContext ui, MessageWords words, Names names) {
        super(new BorderLayout());
        this.ui = ui;
        this.thumbnails = new Thumbnails(list::repaint);
        this.row = new MessageRow(ui.texts(), words, thumbnails);
        names.addListener(person -> list.repaint());
        words.addSummaryListener(this::summariesReady);
        list.setName("history");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(row);
        title = ui.texts().label("history.label", list);
        A11y.plain(title);
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        // scrolling up to the top loads the page before; a list that merely starts at the top does not
        int[] lastValue = {0};
        scroll.getVerticalScrollBar().addAdjustmentListener(e -> {
            boolean reachedTop = lastValue[0] > 0 && e.getValue() == 0;
            var bar = scroll.getVerticalScrollBar();
            boolean reachedBottom = lastValue[0] < e.getValue() && e.getValue() + bar.getVisibleAmount() >= bar.getMaximum();
            lastValue[0] = e.getValue();
            if (reachedTop && !e.getValueIsAdjusting()) {
                loadOlder();
            } else if (reachedBottom && !e.getValueIsAdjusting()) {
                loadNewer();
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && list.getSelectedIndex() == 0) {
                loadOlder();
            } else if (!e.getValueIsAdjusting() && list.getSelectedIndex() == model.size() - 1) {
                loadNewer();
            }
        });
        // rows wrap to the width: measure them again when it changes
        list.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                list.setFixedCellHeight(10);
                list.setFixedCellHeight(-1);
            }
        });
        add(title, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        showTitle();
    }

    /** The list itself (the region's focus target). */
    public JList<MessageItem> messageList() {
        return list;
    }

    /** The conversation shown, if any. */
    public Optional<ConversationRef> conversation() {
        return Optional.ofNullable(conversation);
    }

    /** The selected message. */
    public Optional<MessageItem> selected() {
        return Optional.ofNullable(list.getSelectedValue());
    }

    /** A message as a screen reader reads it. */
    public String spoken(MessageItem message) {
        return row.spoken(message);
    }

    /** Shows {@code ref}'s latest messages, the newest selected. */
    public void open(ConversationRef ref) {
        conversation = ref;
        generation++;
        model.clear();
        below.clear();
        more = true;
        loading = false;
        showTitle();
        load(-1);
    }

    /** Shows the same conversation under a new name (a renamed discussion). */
    public void rename(ConversationRef ref) {
        if (showing(ref)) {
            conversation = ref;
            showTitle();
        }
    }

    /** Shows no conversation. */
    public void close() {
        conversation = null;
        generation++;
        model.clear();
        below.clear();
        showTitle();
    }

    /** Replaces the shown copy of {@code message} (same id). */
    public void replace(MessageItem message) {
        int index = indexOf(message.id());
        if (index >= 0) {
            model.set(index, message);
        }
    }

    /** Takes a deleted message off the list, keeping the selection near it. */
    public void remove(long messageId) {
        int index = indexOf(messageId);
        if (index >= 0) {
            model.remove(index);
            if (!model.isEmpty()) {
                list.setSelectedIndex(Math.min(index, model.size() - 1));
            }
        }
    }

    @Override
    public void received(MessageItem message, int left) {
        if (conversation != null && conversation.has(message) && message.id() != 0 && indexOf(message.id()) < 0) {
            if (below.isEmpty()) {
                append(message);
            } else {
                arrivedBelow();
            }
        }
    }

    @Override
    public void outgoing(MessageItem message) {
        if (conversation != null && conversation.has(message)) {
            if (indexOf(message.id()) >= 0) {
                replace(message);
            } else if (below.isEmpty()) {
                append(message);
            } else {
                // the user wrote: show the end of the conversation again, where the message is
                open(conversation);
            }
        }
    }

    @Override
    public void recalled(long messageId, String type, String targetId, String senderUserId) {
        // ids are the store's, one per message whatever its conversation
        int index = indexOf(messageId);
        if (index >= 0) {
            model.set(index, model.get(index).recalledBy(senderUserId));
        }
    }

    @Override
    public void edited(MessageItem message) {
        replace(message);
    }

    /** The peer read the conversation: the user's messages up to then show "read" (the store says so too). */
    @Override
    public void readByPeer(String type, String targetId, long lastMessageSendTime) {
        if (!showing(new ConversationRef(type, targetId, ""))) {
            return;
        }
        for (int i = 0; i < model.size(); i++) {
            MessageItem message = model.get(i);
            if (message.sent() && "SENT".equals(message.sentStatus()) && message.sentTime() <= lastMessageSendTime) {
                model.set(i, message.withSentStatus("READ"));
            }
        }
    }

    /** Plugin summaries computed since their rows were shown: the rows are measured and said again. */
    private void summariesReady() {
        for (int i = 0; i < model.size(); i++) {
            if (!MessageWords.builtIn(model.get(i).objectName())) {
                model.set(i, model.get(i));
            }
        }
    }

    /** Rows measured so far (a test checks paging measures only the new ones). */
    int rowsMeasured() {
        return row.measured();
    }

    /** A message arrived while the newest messages are not in the list: the newest block grows. */
    private void arrivedBelow() {
        Dropped newest = below.peekLast();
        if (newest != null && newest.before() == -1) {
            below.removeLast();
            below.addLast(new Dropped(-1, Math.min(MAX_PAGE, newest.count() + 1), newest.firstId()));
        }
    }

    /**
     * Puts a new message where it was sent: at the end, unless it arrived late (kept in offline
     * storage while the user signed in) and later ones are shown; one older than every row shown,
     * with older pages still to read, waits for them.
     */
    private void append(MessageItem message) {
        int at = model.size();
        while (at > 0 && sentAfter(model.get(at - 1), message)) {
            at--;
        }
        if (at == 0 && more && !model.isEmpty()) {
            return;
        }
        boolean following = model.isEmpty() || list.getLastVisibleIndex() >= model.size() - 1;
        model.add(at, message);
        if (list.getSelectedIndex() < 0) {
            list.setSelectedIndex(at);
        }
        if (following && at == model.size() - 1) {
            list.ensureIndexIsVisible(at);
        }
    }

    private static boolean sentAfter(MessageItem shown, MessageItem message) {
        return shown.sentTime() > message.sentTime() || shown.sentTime() == message.sentTime() && shown.id() > message.id();
    }

    private void loadOlder() {
        loadOlder(true, () -> { });
    }

    /**
     * Loads the page before the top row ({@code say}: and says so), then runs {@code then};
     * false when there is none to load now.
     */
    private boolean loadOlder(boolean say, Runnable then) {
        if (conversation == null || !more || loading || model.isEmpty()) {
            return false;
        }
        load(model.get(0).id(), say, then);
        return true;
    }

    /**
     * Selects message {@code messageId} of {@code ref} (the conversation shown or being opened),
     * puts the focus on it and says it as its row reads. Older pages are read until it is in the
     * list, as Home reads them but without saying each, at most {@link #REVEAL_LIMIT} messages
     * back; past that, or when the conversation does not have it (deleted since), that is said.
     */
    public void reveal(ConversationRef ref, long messageId) {
        if (!showing(ref)) {
            return;
        }
        if (loading) {
            // the conversation is being opened: its latest page first
            afterLoad = () -> reveal(ref, messageId);
            return;
        }
        if (indexOf(messageId) < 0 && !below.isEmpty()) {
            // it may be among the newer messages dropped from the bottom: start from the latest again
            open(conversation);
            afterLoad = () -> reveal(ref, messageId);
            return;
        }
        seek(ref, messageId, 0);
    }

    /** One step of {@link #reveal}, {@code read} older messages read so far. */
    private void seek(ConversationRef ref, long messageId, int read) {
        if (!showing(ref)) {
            return;
        }
        int index = indexOf(messageId);
        // selecting the top row would read the page before and say that instead: read it first
        if (index >= 0 && (index > 0 || !more || read >= REVEAL_LIMIT)) {
            focusRow(index);
        } else if (index < 0 && (model.isEmpty() || model.get(0).id() < messageId || !more)) {
            ui.announcer().announce(ui.texts().get("history.revealGone"));
        } else if (read >= REVEAL_LIMIT) {
            ui.announcer().announce(ui.texts().get("history.revealTooFar", REVEAL_LIMIT));
        } else {
            if (read == MAX_ROWS) {
                ui.announcer().announce(ui.texts().get("history.revealing"));
            }
            if (!loadOlder(false, () -> seek(ref, messageId, read + PAGE))) {
                // a page the user asked for is being read: go on after it
                afterLoad = () -> seek(ref, messageId, read);
            }
        }
    }

    /** Selects row {@code index}, focuses the list and says the row. */
    private void focusRow(int index) {
        list.setSelectedIndex(index);
        list.ensureIndexIsVisible(index);
        list.requestFocus();
        String line = row.spoken(model.get(index));
        // once the list has the focus: the announcer speaks through the focused component
        SwingUtilities.invokeLater(() -> ui.announcer().announce(line));
    }

    /** Whether {@code ref} is the conversation shown. */
    private boolean showing(ConversationRef ref) {
        return conversation != null && conversation.type().equals(ref.type()) && conversation.targetId().equals(ref.targetId());
    }

    /**
     * Scrolls back through {@code messages} older messages page by page, as holding Home does,
     * then runs {@code done} with how many were read (fewer when the conversation begins
     * sooner). Drives the memory benchmark.
     */
    public void scrollBack(int messages, IntConsumer done) {
        if (loading) {
            // the conversation's latest page is still being read
            afterLoad = () -> scrollBack(messages, done);
            return;
        }
        int[] read = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            read[0] += HistoryPanel.PAGE;
            if (read[0] >= messages || !loadOlder(true, next[0])) {
                done.accept(Math.min(read[0], messages));
            }
        };
        if (!loadOlder(true, next[0])) {
            done.accept(0);
        }
    }

    /** Reads the block of newer messages dropped last and puts it at the bottom. */
    private void loadNewer() {
        if (conversation == null || loading || below.isEmpty()) {
            return;
        }
        loading = true;
        int asked = generation;
        Dropped block = below.peekFirst();
        page(block.before(), block.count(), page -> {
            if (asked != generation) {
                return;
            }
            loading = false;
            below.removeFirst();
            MessageItem selected = list.getSelectedValue();
            page.removeIf(m -> indexOf(m.id()) >= 0);
            model.addAll(page);
            int over = model.size() - MAX_ROWS;
            if (over > 0) {
                model.removeRange(0, over - 1);
                more = true;
            }
            reselect(selected);
            ui.announcer().announce(ui.texts().get("history.loadedLater", page.size()));
            runAfterLoad();
        });
    }

    /** Reads the page before {@code oldestId} (-1: the latest page) and puts it on top. */
    private void load(long oldestId) {
        load(oldestId, true, () -> { });
    }

    private void load(long oldestId, boolean say, Runnable then) {
        loading = true;
        int asked = generation;
        page(oldestId, PAGE, page -> {
            if (asked != generation) {
                return;
            }
            loading = false;
            more = page.size() == PAGE;
            put(page, oldestId == -1, say);
            then.run();
            runAfterLoad();
        });
    }

    /** Runs what waited for the page being read to be shown. */
    private void runAfterLoad() {
        Runnable waiting = afterLoad;
        afterLoad = null;
        if (waiting != null) {
            waiting.run();
        }
    }

    /** Reads {@code count} messages before {@code oldestId} (-1: the latest), oldest first. */
    private void page(long oldestId, int count, Consumer<List<MessageItem>> then) {
        ConversationRef ref = conversation;
        ui.client().call(RongCloud::getHistoryMessages, Json.of("conversationType", ref.type(), "targetId", ref.targetId(),
                "oldestMessageId", oldestId, "count", count), ret -> {
                    List<MessageItem> page = new ArrayList<>(MessageItem.all(ret.get("result")));
                    Collections.reverse(page);
                    then.accept(page);
                }, failure -> {
                    loading = false;
                    ui.client().reportError(failure);
                });
    }

    /** Puts an older page on top ({@code first}: the latest page, its newest selected); {@code say}: says it was loaded. */
    private void put(List<MessageItem> page, boolean first, boolean say) {
        page.removeIf(m -> indexOf(m.id()) >= 0);
        int selected = list.getSelectedIndex();
        // one event for the page: the list measures its rows (wrapped text) once, not once a message
        model.addAll(0, page);
        if (first) {
            if (!model.isEmpty()) {
                list.setSelectedIndex(model.size() - 1);
                list.ensureIndexIsVisible(model.size() - 1);
            }
            return;
        }
        if (selected >= 0) {
            list.setSelectedIndex(selected + page.size());
            list.ensureIndexIsVisible(Math.max(0, selected + page.size() - 1));
        }
        dropBottom();
        if (!say) {
            return;
        }
        ui.announcer().announce(page.isEmpty() ? ui.texts().get("history.start")
                : ui.texts().get("history.loaded", page.size()) + (more ? "" : " " + ui.texts().get("history.start")));
    }

    /** Keeps at most {@link #MAX_ROWS}: the newest rows go, remembered as a block to read again. */
    private void dropBottom() {
        int over = model.size() - MAX_ROWS;
        if (over <= 0) {
            return;
        }
        MessageItem selected = list.getSelectedValue();
        int from = model.size() - over;
        long before = below.isEmpty() ? -1 : below.peekFirst().firstId();
        below.addFirst(new Dropped(before, over, model.get(from).id()));
        model.removeRange(from, model.size() - 1);
        reselect(selected);
    }

    /** Selects {@code message} again after rows moved (if it is still shown). */
    private void reselect(MessageItem message) {
        if (message != null) {
            int index = indexOf(message.id());
            if (index >= 0 && index != list.getSelectedIndex()) {
                list.setSelectedIndex(index);
            }
        }
    }

    private int indexOf(long messageId) {
        for (int i = model.size() - 1; i >= 0; i--) {
            if (model.get(i).id() == messageId) {
                return i;
            }
        }
        return -1;
    }

    private void showTitle() {
        String text = conversation == null ? ui.texts().get("history.none") : ui.texts().get("history.with", conversation.name());
        title.setText(text);
        A11y.named(list, text);
    }

    /** Stops reading thumbnails (the window closes). */
    public void dispose() {
        thumbnails.close();
    }
}
