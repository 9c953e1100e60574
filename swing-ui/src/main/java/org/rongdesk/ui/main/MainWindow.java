package org.rongdesk.ui.main;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConnectionState;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.PluginSummaries;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.composer.Attachments;
import org.rongdesk.ui.composer.ComposerPanel;
import org.rongdesk.ui.conversation.ConversationActions;
import org.rongdesk.ui.conversation.ConversationListPanel;
import org.rongdesk.ui.conversation.ListedConversation;
import org.rongdesk.ui.conversation.QuickSwitcher;
import org.rongdesk.ui.history.HistoryPanel;
import org.rongdesk.ui.history.MessageActions;
import org.rongdesk.ui.history.ReadReceipts;
import org.rongdesk.ui.history.RecentMessages;
import org.rongdesk.ui.media.Staging;
import org.rongdesk.ui.notify.Arrivals;
import org.rongdesk.ui.notify.TypingStatus;
import org.rongdesk.ui.people.Avatars;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.people.PeopleActions;
import org.rongdesk.ui.people.Person;
import org.rongdesk.ui.plugins.PluginEvents;
import org.rongdesk.ui.rooms.RoomActions;
import org.rongdesk.ui.search.SearchDialog;

/**
 * The main window: the conversation list, the open conversation's history and the composer as
 * three regions (F6 / Shift+F6), a full menu bar with mnemonics and accelerators, and a status
 * line that always shows the connection (and who is typing). Its title starts with "Rong Desk"
 * and carries the unread total. Alt+1 … Alt+9 say the newest messages from anywhere in it.
 * People are shown by the names they chose ({@link Names}); the signed-in account stays named by
 * its id in the title and the connection line (which account this window is).
 */
public final class MainWindow extends JFrame implements ClientEvents {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    private final UiContext ui;
    private final Names names;
    private final Avatars avatars;
    private final PluginSummaries summaries;
    private final MessageWords words;
    private final ConversationListPanel conversations;
    private final HistoryPanel history;
    private final ComposerPanel composer;
    private final JLabel connection = A11y.plain(new JLabel());
    private final JLabel notice = A11y.plain(new JLabel(" "));
    private final Regions regions;
    private final ConversationActions conversationActions;
    private final MessageActions messageActions;
    private final Attachments attachments;
    private final RoomActions roomActions;
    private final Arrivals arrivals;
    private final TypingStatus typing;
    private final ReadReceipts receipts;
    private final Staging staging;
    private final PluginEvents pluginEvents;
    private final PeopleActions peopleActions;
    private ConversationRef open;
    private int unread;
    /** Whether the batch arriving now has messages of the open conversation. */
    private boolean openReceived;

    /**
     * @param ui     the client and the UI's words, announcer and settings (the announcer's status line is {@link #showNotice})
     * @param staging where picked files are put before they are sent
     * @param menus  what the File and View menus do beyond this window (settings, quit)
     */
    public MainWindow(UiContext ui, Staging staging, WindowCommands menus) {
        super("Rong Desk");
        this.ui = ui;
        this.staging = staging;
        this.names = new Names(ui.client());
        this.avatars = new Avatars(names);
        this.summaries = new PluginSummaries(ui.client()::summarize, ui.texts().get("summary.pending"));
        this.words = new MessageWords(ui.texts(), summaries, ui.client()::userId, names::name);
        this.conversations = new ConversationListPanel(ui, words, names, avatars, row -> openConversation(names.ref(row)));
        this.history = new HistoryPanel(ui, words, names);
        this.composer = new ComposerPanel(ui);
        composer.onEscape(() -> history.messageList().requestFocusInWindow());
        Keys.bind(conversations.rowList(), "conversations.write", () -> composer.text().requestFocusInWindow());
        this.conversationActions = new ConversationActions(ui, this::current, conversations, this, history::open,
                this::conversationGone, names, avatars);
        this.messageActions = new MessageActions(ui, history, this, words);
        this.attachments = new Attachments(ui, composer, this, staging);
        this.roomActions = new RoomActions(ui, this, this::current, this::openConversation, this::conversationGone, names);
        this.arrivals = new Arrivals(ui, this, history, conversations, names, words);
        this.typing = new TypingStatus(ui, conversations, names);
        this.peopleActions = new PeopleActions(ui, this, names, avatars, ref -> {
            openConversation(ref);
            writeNow();
        });
        names.addListener(this::renamed);
        this.receipts = new ReadReceipts(ui.client());
        RecentMessages recent = new RecentMessages(ui, history);
        // wherever the focus is in the window (menus take Alt with letters, never digits)
        Keys.bindEach(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "recent.say", place -> recent.say(place + 1));
        this.pluginEvents = new PluginEvents(ui, this);
        attachments.addTo(composer);

        JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, history, composer);
        right.setResizeWeight(1.0);
        right.setBorder(BorderFactory.createEmptyBorder());
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, conversations, right);
        split.setResizeWeight(0.3);
        split.setBorder(BorderFactory.createEmptyBorder());
        // JSplitPane takes F6 for itself (and F8 for its divider); here F6 cycles the regions
        for (JSplitPane pane : List.of(split, right)) {
            Keys.block(pane, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, "action.nextRegion", "action.previousRegion", "split.blocked");
        }
        regions = new Regions(List.of(conversations.rowList(), history.messageList(), composer.text()),
                List.of(conversations, history, composer));

        JPanel status = new JPanel(new BorderLayout(12, 0));
        status.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        connection.setName("connection");
        status.add(connection, BorderLayout.WEST);
        status.add(notice, BorderLayout.CENTER);
        status.add(typing.label(), BorderLayout.EAST);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);

        setJMenuBar(new MainMenus(this, ui, new MainMenus.Groups(conversationActions, messageActions, attachments, roomActions,
                peopleActions),
                regions, this::quickSwitch, this::searchMessages, this::newChat, menus).build());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                menus.quit();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                markOpenRead();
            }
        });
        ui.client().setErrorSink(text -> ui.announcer().announce(ui.texts().get("error.prefix", text)));
        ui.announcer().setStatusLine(this::showNotice);
        // first: the names are in before the panels below paint or say them
        ui.client().addListener(names);
        ui.client().addListener(this);
        ui.client().addListener(conversations);
        ui.client().addListener(history);
        ui.client().addListener(arrivals);
        ui.client().addListener(typing);
        ui.client().addListener(pluginEvents);
        connectionChanged(ui.client().state());
        updateActions();
        setMinimumSize(new Dimension(480, 360));
        setSize(new Dimension(1000, 700));
        setLocationByPlatform(true);
        showTitle();
    }

    /** Puts the focus on the conversation list, its first row selected (when the window opens). */
    public void focusStart() {
        focusStart(() -> { });
    }

    /** {@link #focusStart()}, then {@code then} once the list is read and the focus placed. */
    public void focusStart(Runnable then) {
        // made before the store opened (in parallel with it): the user is known now
        showTitle();
        conversations.loadFirst(() -> {
            if (open == null) {
                conversations.first().map(names::ref).ifPresent(this::openConversation);
            }
            conversations.rowList().requestFocusInWindow();
            then.run();
        });
    }

    /** Scrolls the open conversation's history back through {@code messages} (the memory benchmark's driver). */
    public void scrollBack(int messages, IntConsumer done) {
        history.scrollBack(messages, done);
    }

    /** Shows a line in the status bar (the announcer's visible twin). */
    public void showNotice(String text) {
        notice.setText(text);
    }

    /** The conversation open now. */
    public Optional<ConversationRef> current() {
        return Optional.ofNullable(open);
    }

    /** Opens {@code ref}: its history, its draft in the composer, its row selected (a private one named as its peer). */
    public void openConversation(ConversationRef conversation) {
        ConversationRef ref = names.named(conversation);
        if (open != null && open.type().equals(ref.type()) && open.targetId().equals(ref.targetId())) {
            open = ref;
            history.rename(ref);
            composer.rename(ref);
            return;
        }
        open = ref;
        history.open(ref);
        composer.open(ref);
        if (!conversations.select(ref.type(), ref.targetId())) {
            conversations.refresh(() -> conversations.select(ref.type(), ref.targetId()));
        }
        markOpenRead();
        updateActions();
    }

    /** Saves what is unsent and lets go of the client's events (before the window is disposed). */
    public void shutdown() {
        composer.saveDraft();
        ui.client().removeListener(names);
        ui.client().removeListener(this);
        ui.client().removeListener(conversations);
        ui.client().removeListener(history);
        ui.client().removeListener(arrivals);
        ui.client().removeListener(typing);
        ui.client().removeListener(pluginEvents);
        history.dispose();
        arrivals.close();
        avatars.close();
        summaries.close();
    }

    /** {@code person} changed their name: the open conversation with them shows it. */
    private void renamed(Person person) {
        if (open != null && "PRIVATE".equals(open.type()) && open.targetId().equals(person.userId())) {
            openConversation(open);
        }
    }

    @Override
    public void connectionChanged(ConnectionState state) {
        String text = ui.texts().get("status.label", ui.texts().get(state.textKey()), ui.client().userId());
        boolean changed = !text.equals(connection.getText());
        connection.setText(text);
        connection.getAccessibleContext().setAccessibleName(text);
        if (changed && isShowing()) {
            ui.announcer().announce(ui.texts().get(state.textKey()));
        }
    }

    @Override
    public void outgoing(MessageItem message) {
        // a sighted user sees the row's "sent"; a screen-reader user hears it, after what is being said
        if ("SENT".equals(message.sentStatus())) {
            ui.announcer().announceInTurn(ui.texts().get("composer.sent"));
        }
    }

    @Override
    public void received(MessageItem message, int left) {
        openReceived |= open != null && open.has(message);
        // once a batch is in: a thousand caught-up messages are read (and their peer told) once, not a thousand times
        if (left == 0 && openReceived) {
            openReceived = false;
            if (isActive()) {
                markOpenRead();
            }
        }
        if (left == 0) {
            readUnread();
        }
    }

    @Override
    public void conversationsChanged() {
        readUnread();
        if (open != null) {
            conversations.listed(open.type(), open.targetId()).map(this::ref)
                    .filter(ref -> !ref.title().isEmpty() && !ref.title().equals(open.title()))
                    .ifPresent(this::openConversation);
        }
    }

    @Override
    public void conversationChanged(String type, String targetId) {
        readUnread();
    }

    /** Reads the unread total for the title. */
    private void readUnread() {
        ui.client().call((rong, params, callback) -> rong.getTotalUnreadCount(callback), null, ret -> {
            unread = ret.has("result") ? ret.get("result").getAsInt() : 0;
            showTitle();
        });
    }

    /** The conversation {@code entry} is, named as the list names it. */
    private ConversationRef ref(ListedConversation entry) {
        return names.named(new ConversationRef(entry.type(), entry.targetId(), entry.title()));
    }

    /** The unread total, as the title shows it. */
    public int unread() {
        return unread;
    }

    private void showTitle() {
        String title = ui.texts().get("window.title", ui.client().userId());
        setTitle(unread > 0 ? title + " — " + ui.texts().get("window.unread", unread) : title);
        arrivals.showUnread(unread);
    }

    /** The open conversation is read: its messages are marked so, and (in the focused window) its peer is told. */
    private void markOpenRead() {
        if (open == null) {
            return;
        }
        ConversationRef ref = open;
        if (isActive()) {
            // first: the receipts look at which messages were unread until now
            receipts.read(ref);
        }
        // a row not read (or not listed) may have unread messages: asking costs one store call
        boolean mayHaveUnread = conversations.find(ref.type(), ref.targetId()).map(item -> item.unread() > 0).orElse(true);
        if (mayHaveUnread) {
            ui.client().call(RongCloud::clearMessagesUnreadStatus, Json.conversation(ref.type(), ref.targetId()),
                    ret -> ui.client().fireConversationChanged(ref.type(), ref.targetId()), failure -> { });
        }
    }

    private void conversationGone(ConversationRef ref) {
        if (open != null && open.type().equals(ref.type()) && open.targetId().equals(ref.targetId())) {
            open = null;
            history.close();
            composer.close();
            updateActions();
        }
        ui.client().fireConversationsChanged();
    }

    private void updateActions() {
        conversationActions.update();
        messageActions.update();
        attachments.update();
        roomActions.update();
    }

    private void quickSwitch() {
        new QuickSwitcher(this, ui, conversations, words, names, avatars).ask().ifPresent(entry -> {
            openConversation(ref(entry));
            writeNow();
        });
    }

    /** Search messages: the one chosen opens in its conversation, selected in the history. */
    private void searchMessages() {
        new SearchDialog(this, ui, words, this::conversationOf, names).ask().ifPresent(message -> {
            ConversationRef ref = conversationOf(message);
            openConversation(ref);
            // once the closing dialog has handed the focus back: the history takes it then
            SwingUtilities.invokeLater(() -> history.reveal(ref, message.id()));
        });
    }

    /** The conversation {@code message} is in, with its title when the conversation list has it. */
    private ConversationRef conversationOf(MessageItem message) {
        ConversationRef bare = new ConversationRef(message.type(), message.targetId(), "");
        return conversations.listed(bare.type(), bare.targetId()).map(this::ref).orElse(names.named(bare));
    }

    private void newChat() {
        roomActions.askPrivateChat().ifPresent(ref -> {
            openConversation(ref);
            writeNow();
        });
    }

    /** Moves to the composer once a closing dialog has handed the focus back. */
    private void writeNow() {
        SwingUtilities.invokeLater(() -> composer.text().requestFocus());
    }

    /** The regions, for tests and the View menu. */
    Regions regions() {
        return regions;
    }

    /** The message words this window uses. */
    public MessageWords words() {
        return words;
    }

    /** The conversation-list row of {@code ref}, if it was read (rows are read as the list shows them). */
    public Optional<ConversationItem> row(ConversationRef ref) {
        return conversations.find(ref.type(), ref.targetId());
    }
}
