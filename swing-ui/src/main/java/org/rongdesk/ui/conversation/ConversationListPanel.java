package org.rongdesk.ui.conversation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;

import org.rongdesk.ui.access.RowList;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.Person;

/**
 * The conversation list, as the store orders it (pinned first, then newest). Moving the
 * selection opens a conversation; a refresh keeps the selected row and does not open it again.
 * Refreshes are coalesced, so a catch-up batch of a thousand messages reads the list a few times.
 */
public final class ConversationListPanel extends JPanel implements ClientEvents {
    private static final int COALESCE_MS = 150;
    /** Rows read first when the window opens (more than a maximised window shows). */
    private static final int FIRST_SCREEN = 60;
    /** Rows read at a time: a long list's JSON is never all in memory at once. */
    private static final int PAGE = 500;
    /** Sizes every row: all rows are two lines of the list's font, so none needs measuring. */
    private static final ConversationItem PROTOTYPE = new ConversationItem("GROUP", "Wg", "Wg 汉字", 99, true, true, "",
            "Wg 汉字", 0);

    private final UiContext ui;
    private final MessageWords words;
    private final DefaultListModel<ConversationItem> model = new DefaultListModel<>();
    private final JList<ConversationItem> list = new RowList<>(model) {
        @Override
        public void updateUI() {
            super.updateUI();
            // a theme or text size change: measure the prototype again (10,000 rows are not measured one by one)
            if (getPrototypeCellValue() != null) {
                setPrototypeCellValue(getPrototypeCellValue());
            }
        }
    };
    private final Timer refresh;
    private final List<Runnable> refreshed = new ArrayList<>();
    private boolean adjusting;

    /**
     * A list that calls {@code open} when the user selects a conversation; private conversations
     * are named by {@code names} and show their peer's picture from {@code avatars}.
     */
    public ConversationListPanel(UiContext ui, MessageWords words, Names names, Avatars avatars, Consumer<ConversationItem> open) {
        super(new BorderLayout());
        this.ui = ui;
        this.words = words;
        list.setName("conversations");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new ConversationRow(ui.texts(), names, avatars));
        names.addListener(this::renamed);
        avatars.addListener(list::repaint);
        list.setPrototypeCellValue(PROTOTYPE);
        list.getAccessibleContext().setAccessibleName(ui.texts().get("conversations.name"));
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !adjusting && list.getSelectedValue() != null) {
                open.accept(list.getSelectedValue());
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

    /** The rows shown now. */
    public List<ConversationItem> items() {
        List<ConversationItem> items = new ArrayList<>(model.size());
        for (int i = 0; i < model.size(); i++) {
            items.add(model.get(i));
        }
        return items;
    }

    /** The row of {@code type}/{@code targetId}, if listed. */
    public Optional<ConversationItem> find(String type, String targetId) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).is(type, targetId)) {
                return Optional.of(model.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type}/{@code targetId} is listed as muted (do not disturb). */
    public boolean muted(String type, String targetId) {
        return find(type, targetId).map(ConversationItem::muted).orElse(false);
    }

    /** The selected row. */
    public Optional<ConversationItem> selected() {
        return Optional.ofNullable(list.getSelectedValue());
    }

    /** Selects the row of {@code type}/{@code targetId} without opening it; false when it is not listed. */
    public boolean select(String type, String targetId) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).is(type, targetId)) {
                boolean was = adjusting;
                adjusting = true;
                try {
                    list.setSelectedIndex(i);
                    list.ensureIndexIsVisible(i);
                } finally {
                    adjusting = was;
                }
                return true;
            }
        }
        list.clearSelection();
        return false;
    }

    /** {@code person}'s name or picture changed: their private conversation's row shows it (and says it). */
    private void renamed(Person person) {
        for (int i = 0; i < model.size(); i++) {
            if (model.get(i).is("PRIVATE", person.userId())) {
                model.set(i, model.get(i));
            }
        }
    }

    /** Reads the list again soon; {@code then} runs once it is shown. */
    public void refresh(Runnable then) {
        refreshed.add(then);
        if (!refresh.isRunning()) {
            refresh.start();
        }
    }

    @Override
    public void received(MessageItem message, int left) {
        refresh(() -> { });
    }

    @Override
    public void conversationsChanged() {
        refresh(() -> { });
    }

    /**
     * Reads the list at once (the window opens): its first screenful, so the window is usable
     * whatever the store holds; {@code then} runs once it shows. The rest follows.
     */
    public void loadFirst(Runnable then) {
        ui.client().call((rong, params, callback) -> rong.getConversationListRange(0, FIRST_SCREEN, callback), null, ret -> {
            show(items(ret));
            then.run();
            if (model.size() >= FIRST_SCREEN) {
                refresh(() -> { });
            }
        });
    }

    private void load() {
        List<Runnable> then = new ArrayList<>(refreshed);
        refreshed.clear();
        List<ConversationItem> items = new ArrayList<>();
        loadFrom(items, () -> {
            show(items);
            then.forEach(Runnable::run);
        });
    }

    /** Reads the list page by page from {@code items.size()} on, then runs {@code done}. */
    private void loadFrom(List<ConversationItem> items, Runnable done) {
        int offset = items.size();
        ui.client().call((rong, params, callback) -> rong.getConversationListRange(offset, PAGE, callback), null, ret -> {
            List<ConversationItem> page = items(ret);
            items.addAll(page);
            if (page.size() < PAGE) {
                done.run();
            } else {
                loadFrom(items, done);
            }
        });
    }

    private List<ConversationItem> items(JsonObject ret) {
        List<ConversationItem> items = new ArrayList<>();
        JsonElement result = ret.get("result");
        if (result != null && result.isJsonArray()) {
            result.getAsJsonArray().forEach(e -> items.add(ConversationItem.from(e.getAsJsonObject(), words)));
        }
        return items;
    }

    private void show(List<ConversationItem> items) {
        ConversationItem chosen = list.getSelectedValue();
        adjusting = true;
        try {
            model.clear();
            model.addAll(items);
            if (chosen != null) {
                select(chosen.type(), chosen.targetId());
            }
        } finally {
            adjusting = false;
        }
    }
}
