package org.rongdesk.ui.main;

import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;

import org.rongdesk.ui.app.Actions;
import org.rongdesk.ui.app.UiContext;
import org.rongdesk.ui.composer.Attachments;
import org.rongdesk.ui.conversation.ConversationActions;
import org.rongdesk.ui.dialog.AboutDialog;
import org.rongdesk.ui.dialog.ShortcutsDialog;
import org.rongdesk.ui.history.MessageActions;
import org.rongdesk.ui.i18n.Texts;
import org.rongdesk.ui.people.PeopleActions;
import org.rongdesk.ui.plugins.PluginsDialog;
import org.rongdesk.ui.rooms.RoomActions;
import org.rongdesk.ui.settings.UiSettings;

/**
 * The main window's menu bar. Every command the window has is here, with a mnemonic, and the
 * frequent ones with an accelerator (from the {@link org.rongdesk.ui.app.Keymap}); Help → Keyboard shortcuts lists them from this very bar,
 * so the list cannot drift from the keys.
 */
final class MainMenus {
    /** The feature action groups the menus show. */
    record Groups(ConversationActions conversations, MessageActions messages, Attachments attachments, RoomActions rooms,
            PeopleActions people) {
    }

    private final JFrame frame;
    private final UiContext ui;
    private final Texts texts;
    private final Groups groups;
    private final Regions regions;
    private final Runnable quickSwitch;
    private final Runnable search;
    private final Runnable newChat;
    private final WindowCommands commands;

    MainMenus(JFrame frame, UiContext ui, Groups groups, Regions regions, Runnable quickSwitch, Runnable search, Runnable newChat,
            WindowCommands commands) {
        this.frame = frame;
        this.ui = ui;
        this.texts = ui.texts();
        this.groups = groups;
        this.regions = regions;
        this.quickSwitch = quickSwitch;
        this.search = search;
        this.newChat = newChat;
        this.commands = commands;
    }

    JMenuBar build() {
        JMenuBar bar = new JMenuBar();
        bar.add(file());
        bar.add(conversation());
        bar.add(message());
        bar.add(rooms());
        bar.add(people());
        bar.add(view());
        bar.add(help(bar));
        return bar;
    }

    private JMenu file() {
        JMenu menu = menu("menu.file");
        menu.add(item("action.settings", commands::settings));
        menu.add(item("action.plugins", () -> new PluginsDialog(frame, ui).open()));
        menu.add(item("action.reconnect", () -> ui.client().call((rong, params, callback) -> rong.reconnect(callback),
                null, ret -> { })));
        menu.addSeparator();
        menu.add(item("action.quit", commands::quit));
        return menu;
    }

    private JMenu conversation() {
        ConversationActions actions = groups.conversations();
        JMenu menu = menu("menu.conversation");
        menu.add(item("action.newChat", newChat));
        menu.add(item("action.quickSwitch", quickSwitch));
        menu.add(item("action.search", search));
        menu.addSeparator();
        menu.add(actions.details);
        menu.add(actions.pin);
        menu.add(actions.mute);
        menu.add(actions.markRead);
        menu.add(actions.clear);
        menu.add(actions.remove);
        return menu;
    }

    private JMenu message() {
        MessageActions actions = groups.messages();
        Attachments attach = groups.attachments();
        JMenu menu = menu("menu.message");
        for (Action action : attach.all()) {
            menu.add(action);
        }
        menu.addSeparator();
        for (Action action : actions.all()) {
            menu.add(action);
        }
        return menu;
    }

    private JMenu rooms() {
        JMenu menu = menu("menu.rooms");
        RoomActions actions = groups.rooms();
        menu.add(actions.newDiscussion);
        menu.add(actions.discussionSettings);
        menu.addSeparator();
        menu.add(actions.joinGroup);
        menu.add(actions.quitGroup);
        menu.add(actions.syncGroups);
        menu.addSeparator();
        menu.add(actions.joinChatRoom);
        menu.add(actions.quitChatRoom);
        return menu;
    }

    private JMenu people() {
        JMenu menu = menu("menu.people");
        for (Action action : groups.people().all()) {
            menu.add(action);
        }
        return menu;
    }

    private JMenu view() {
        JMenu menu = menu("menu.view");
        menu.add(item("action.goConversations", () -> regions.go(0)));
        menu.add(item("action.goHistory", () -> regions.go(1)));
        menu.add(item("action.goComposer", () -> regions.go(2)));
        menu.add(item("action.nextRegion", regions::next));
        menu.add(item("action.previousRegion", regions::previous));
        menu.addSeparator();
        JMenu theme = menu("menu.theme");
        ButtonGroup themes = new ButtonGroup();
        for (UiSettings.Theme choice : UiSettings.Theme.values()) {
            JRadioButtonMenuItem item = radio("theme." + choice.name(), ui.settings().theme() == choice, () -> {
                ui.settings().setTheme(choice);
                commands.viewChanged();
            });
            themes.add(item);
            theme.add(item);
        }
        menu.add(theme);
        menu.add(item("action.larger", () -> scale(+25)));
        menu.add(item("action.smaller", () -> scale(-25)));
        menu.add(item("action.normalSize", () -> scale(0)));
        JMenu announce = menu("menu.announce");
        ButtonGroup announces = new ButtonGroup();
        for (UiSettings.Announce choice : UiSettings.Announce.values()) {
            JRadioButtonMenuItem item = radio("announce." + choice.name(), ui.settings().announce() == choice, () -> {
                ui.settings().setAnnounce(choice);
                ui.settings().save();
            });
            announces.add(item);
            announce.add(item);
        }
        menu.add(announce);
        return menu;
    }

    private JMenu help(JMenuBar bar) {
        JMenu menu = menu("menu.help");
        menu.add(item("action.shortcuts", () -> new ShortcutsDialog(frame, ui, bar).open()));
        menu.add(item("action.about", () -> AboutDialog.show(frame, ui)));
        return menu;
    }

    private void scale(int by) {
        int percent = by == 0 ? UiSettings.MIN_SCALE : ui.settings().fontScale() + by;
        ui.settings().setFontScale(percent);
        commands.viewChanged();
        ui.announcer().announce(texts.get("done.textSize", ui.settings().fontScale()));
    }

    private JMenu menu(String key) {
        return texts.button(new JMenu(), key);
    }

    private JMenuItem item(String key, Runnable run) {
        return new JMenuItem(Actions.of(texts, key, run));
    }

    private JRadioButtonMenuItem radio(String key, boolean selected, Runnable run) {
        JRadioButtonMenuItem item = texts.button(new JRadioButtonMenuItem(), key);
        item.setSelected(selected);
        item.addActionListener(e -> run.run());
        return item;
    }
}
