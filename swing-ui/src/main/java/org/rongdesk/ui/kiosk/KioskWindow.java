package org.rongdesk.ui.kiosk;

import com.google.gson.JsonObject;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import javax.swing.JRootPane;

import org.rongdesk.ui.access.QuietRootPane;
import org.rongdesk.api.RongCloud;
import org.rongdesk.ui.access.A11y;
import org.rongdesk.ui.app.ClientEvents;
import org.rongdesk.ui.app.ConnectionState;
import org.rongdesk.ui.app.ConversationRef;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.app.Keys;
import org.rongdesk.ui.app.MessageItem;
import org.rongdesk.ui.app.MessageWords;
import org.rongdesk.ui.app.PluginSummaries;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.composer.ComposerPanel;
import org.rongdesk.ui.history.HistoryPanel;
import org.rongdesk.ui.people.Names;
import org.rongdesk.ui.plugins.PluginEvents;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.theme.Themes;

/**
 * Kiosk mode: one chat room filling the screen in large text, its connection state in plain
 * words at the top, the history and a composer, and nothing else — no menus, no other
 * conversations, no settings, no way to close it from the keyboard. It rejoins the room after
 * every reconnection and, when the server signs it out (another sign-in, a restart), signs in
 * again by itself. Administrators steer it with the kiosk-control plugin (banner, theme, text
 * size, reloading the room).
 */
public final class KioskWindow extends JFrame implements ClientEvents {
    /** Layers a screen reader passes over ({@link QuietRootPane}). */
    @Override
    protected JRootPane createRootPane() {
        return QuietRootPane.create();
    }

    /** How long after losing the session the kiosk signs in again. */
    static final int RETRY_MS = 5_000;

    private final UiContext ui;
    private final String roomId;
    private final ConversationRef room;
    private final Names names;
    private final HistoryPanel history;
    private final ComposerPanel composer;
    private final JLabel state = A11y.plain(new JLabel());
    private final JLabel banner = A11y.plain(new JLabel());
    private final JLabel notice = A11y.plain(new JLabel(" "));
    private final Timer retry;
    private final PluginEvents pluginEvents;
    private final MessageWords words;
    private boolean joined;
    /** Messages of a catch-up batch heard so far (said as one line when it ends). */
    private int batch;

    public KioskWindow(UiContext ui, String roomId) {
        super("Rong Desk — " + roomId);
        this.ui = ui;
        this.roomId = roomId;
        this.room = new ConversationRef("CHATROOM", roomId, roomId);
        names = new Names(ui.client());
        words = new MessageWords(ui.texts(), new PluginSummaries(ui.client()::summarize,
                ui.texts().get("summary.pending")), ui.client()::userId, names::name);
        history = new HistoryPanel(ui, words, names);
        composer = new ComposerPanel(ui);
        composer.onEscape(() -> history.messageList().requestFocusInWindow());
        pluginEvents = new PluginEvents(ui, this, this::control);
        retry = new Timer(RETRY_MS, e -> reconnect());
        retry.setRepeats(false);

        JLabel title = A11y.plainLabel(ui.texts().get("kiosk.room", roomId));
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.3f));
        JPanel top = new JPanel(new BorderLayout(16, 4));
        top.setBorder(BorderFactory.createEmptyBorder(8, 16, 8, 16));
        top.add(title, BorderLayout.WEST);
        top.add(state, BorderLayout.EAST);
        top.add(banner, BorderLayout.SOUTH);
        banner.setVisible(false);
        state.setName("connection");
        banner.setName("banner");
        JPanel center = new JPanel(new BorderLayout(0, 8));
        center.setBorder(BorderFactory.createEmptyBorder(0, 16, 8, 16));
        center.add(history, BorderLayout.CENTER);
        center.add(composer, BorderLayout.SOUTH);
        getContentPane().add(top, BorderLayout.NORTH);
        getContentPane().add(center, BorderLayout.CENTER);
        getContentPane().add(notice, BorderLayout.SOUTH);
        notice.setBorder(BorderFactory.createEmptyBorder(2, 16, 2, 16));

        setUndecorated(true);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        // the keys that close or leave windows elsewhere do nothing here
        Keys.block(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "kiosk.blocked");
        // two regions: the main window's next and previous region keys both switch
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "action.nextRegion", this::switchRegion);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, "action.previousRegion", this::switchRegion);
        ui.client().setErrorSink(text -> ui.announcer().announce(ui.texts().get("error.prefix", text)));
        ui.announcer().setStatusLine(this::showNotice);
        ui.client().addListener(names);
        ui.client().addListener(this);
        ui.client().addListener(history);
        ui.client().addListener(pluginEvents);
        connectionChanged(ui.client().state());
    }

    /** Goes full screen, joins the room and shows it. */
    public void start() {
        GraphicsDevice screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
        if (screen.isFullScreenSupported()) {
            screen.setFullScreenWindow(this);
        } else {
            setBounds(GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds());
            setVisible(true);
        }
        setAlwaysOnTop(true);
        history.open(room);
        composer.open(room);
        join();
        composer.text().requestFocusInWindow();
    }

    /**
     * Says each new message of the room (someone else's; commands never), a catch-up batch as one
     * line: the kiosk is a window a blind visitor uses too.
     */
    @Override
    public void received(MessageItem message, int left) {
        if (!message.type().equals(room.type()) || !message.targetId().equals(roomId) || message.sent()
                || MessageWords.COMMAND.equals(message.objectName())) {
            return;
        }
        batch++;
        if (left > 0) {
            return;
        }
        int count = batch;
        batch = 0;
        if (count > 1) {
            ui.announcer().announceInTurn(ui.texts().get("arrivals.batch", count));
            return;
        }
        words.whenSaid(message.objectName(), message.content(), () -> names.whenKnown(List.of(message.senderUserId()),
                () -> ui.announcer().announceInTurn(history.spoken(message))));
    }

    /** Shows a line at the bottom (the announcer's visible twin). */
    public void showNotice(String text) {
        notice.setText(text);
    }

    /** The room shown. */
    public String roomId() {
        return roomId;
    }

    @Override
    public void connectionChanged(ConnectionState connection) {
        String words = ui.texts().get("kiosk.state." + connection.name());
        boolean changed = !words.equals(state.getText());
        state.setText(words);
        A11y.named(state, words);
        if (changed && isShowing()) {
            ui.announcer().announce(words);
        }
        switch (connection) {
            case CONNECTED -> {
                retry.stop();
                join();
            }
            case KICKED, WEB_LOGIN, DISCONNECTED, UNKNOWN -> {
                joined = false;
                retry.restart();
            }
            default -> joined = false;
        }
    }

    private void join() {
        if (joined || ui.client().state() != ConnectionState.CONNECTED) {
            return;
        }
        joined = true;
        ui.client().call(RongCloud::joinChatRoom, Json.of("chatRoomId", roomId, "defMessageCount", 20), ret ->
                ui.client().fireConversationsChanged(), failure -> {
                    joined = false;
                    ui.client().reportError(failure);
                    retry.restart();
                });
    }

    private void reconnect() {
        if (ui.client().state() == ConnectionState.CONNECTED) {
            join();
            return;
        }
        ui.client().rong().reconnect((ret, err) -> { });
        retry.restart();
    }

    /** A display control from a plugin (kiosk-control): banner, theme, fontScale, reloadRoom. */
    void control(JsonObject control) {
        String action = control.get("action").getAsString();
        String value = control.get("value").getAsString();
        switch (action) {
            case "banner" -> {
                banner.setText(value);
                banner.setVisible(!value.isBlank());
                if (!value.isBlank()) {
                    ui.announcer().announce(value);
                }
            }
            case "theme" -> {
                ui.settings().setTheme(switch (value.toLowerCase(Locale.ROOT)) {
                    case "dark" -> UiSettings.Theme.DARK;
                    case "high-contrast" -> UiSettings.Theme.HIGH_CONTRAST;
                    default -> UiSettings.Theme.LIGHT;
                });
                restyle();
            }
            case "fontScale" -> {
                try {
                    ui.settings().setFontScale(Integer.parseInt(value.strip()));
                    restyle();
                } catch (NumberFormatException e) {
                    ui.client().reportError(ui.texts().get("kiosk.badScale", value));
                }
            }
            case "reloadRoom" -> ui.client().call(RongCloud::quitChatRoom, Json.of("chatRoomId", roomId), ret -> {
                joined = false;
                history.open(room);
                join();
            });
            default -> { }
        }
    }

    private void restyle() {
        ui.settings().save();
        Themes.apply(ui.settings().theme(), Math.max(200, ui.settings().fontScale()));
    }

    private void switchRegion() {
        if (composer.text().isFocusOwner()) {
            history.messageList().requestFocusInWindow();
        } else {
            composer.text().requestFocusInWindow();
        }
    }

    /** The history panel (for tests). */
    public HistoryPanel history() {
        return history;
    }

    /** The composer (for tests). */
    public ComposerPanel composer() {
        return composer;
    }
}
