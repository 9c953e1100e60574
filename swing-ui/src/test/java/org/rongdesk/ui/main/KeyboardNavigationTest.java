package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.MenuSelectionManager;
import javax.swing.text.JTextComponent;

import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.dialog.ShortcutsDialog;
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * Moving around the main window by keyboard: F6 and Shift+F6 cycle the three regions, Esc leaves
 * the composer, Tab visits every control and comes back, the menu bar opens by mnemonic, no
 * accelerator is swallowed by the component that has the focus, and Help → Keyboard shortcuts
 * lists every one of them.
 */
@ExtendWith(EjabberdExtension.class)
class KeyboardNavigationTest extends GuiTest {
    @Test
    void regionsTabOrderMenusAndShortcuts(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kn-alice", "kn-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kn-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kn-alice")) {
            for (int i = 1; i <= 3; i++) {
                Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kn-alice", "text", "message " + i));
            }
            alice.awaitUnread(3);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("bob's messages shown", 15, () -> Rows.of(history).size() == 3);
            awaitFocus("conversations");

            // F6 forward through the regions and round, Shift+F6 back
            key(KeyEvent.VK_F6);
            awaitFocus("history");
            key(KeyEvent.VK_F6);
            awaitFocus("composer");
            key(KeyEvent.VK_F6);
            awaitFocus("conversations");
            key(KeyEvent.VK_F6, SHIFT);
            awaitFocus("composer");
            key(KeyEvent.VK_F6, SHIFT);
            awaitFocus("history");

            // Enter on a conversation: write in it
            key(KeyEvent.VK_1, CTRL);
            awaitFocus("conversations");
            key(KeyEvent.VK_ENTER);
            awaitFocus("composer");
            key(KeyEvent.VK_2, CTRL);
            awaitFocus("history");

            // the history is read message by message; Home goes to the first
            key(KeyEvent.VK_HOME);
            assertThat(selected(history)).isZero();
            key(KeyEvent.VK_DOWN);
            assertThat(selected(history)).isEqualTo(1);

            // Esc leaves the composer for the history; Tab leaves it for Send (never a tab character)
            key(KeyEvent.VK_3, CTRL);
            awaitFocus("composer");
            key(KeyEvent.VK_ESCAPE);
            awaitFocus("history");
            key(KeyEvent.VK_3, CTRL);
            awaitFocus("composer");
            key(KeyEvent.VK_TAB);
            await("Tab moved to the Send button", 5, () -> focusOwner() instanceof javax.swing.JButton b && b.getText().equals("Send"));
            JTextComponent composer = frame.robot().finder().findByName("composer", JTextComponent.class);
            String written = onEdt(composer::getText);
            assertThat(written).doesNotContain("\t");
            key(KeyEvent.VK_TAB, SHIFT);
            awaitFocus("composer");

            // Tab from the list visits every stop, each named, and comes back
            List<Component> stops = Audit.tabStops(window);
            assertThat(stops).doesNotContainNull();
            List<String> names = onEdt(() -> stops.stream().map(c -> c.getAccessibleContext().getAccessibleName()).toList());
            assertThat(names).containsExactly("Conversations", "Messages with kn-bob", "Message to kn-bob", "Send", "Attach…");
            key(KeyEvent.VK_1, CTRL);
            awaitFocus("conversations");
            List<Component> visited = new ArrayList<>();
            for (int i = 0; i < stops.size(); i++) {
                key(KeyEvent.VK_TAB);
                visited.add(focusOwner());
            }
            assertThat(visited).containsExactlyInAnyOrderElementsOf(stops);
            assertThat(visited.get(visited.size() - 1).getName()).isEqualTo("conversations");

            // the menu bar opens with Alt and a mnemonic; Esc closes it
            key(KeyEvent.VK_C, ALT);
            await("the Conversation menu open", 5, () -> MenuSelectionManager.defaultManager().getSelectedPath().length > 1
                    && ((JMenu) MenuSelectionManager.defaultManager().getSelectedPath()[1]).getText().equals("Conversation"));
            key(KeyEvent.VK_ESCAPE);
            key(KeyEvent.VK_ESCAPE);

            // no accelerator is taken by the conversation list, the history or the composer
            JMenuBar bar = onEdt(window::getJMenuBar);
            List<KeyStroke> accelerators = onEdt(() -> accelerators(bar));
            assertThat(accelerators).hasSizeGreaterThan(20).doesNotHaveDuplicates();
            for (String name : List.of("conversations", "history", "composer")) {
                JComponent region = frame.robot().finder().findByName(name, JComponent.class);
                List<KeyStroke> taken = onEdt(() -> accelerators.stream().filter(k -> bound(region, k)).toList());
                assertThat(taken).as(name).isEmpty();
            }

            // no two mnemonics of the window (menus, buttons, labels) share a key
            List<Integer> mnemonics = onEdt(() -> mnemonics(window));
            assertThat(mnemonics).hasSizeGreaterThan(6).doesNotHaveDuplicates();

            // Help → Keyboard shortcuts (F1) lists every accelerator
            List<String> listed = onEdt(() -> ShortcutsDialog.lines(alice.ui, bar));
            for (KeyStroke accelerator : accelerators) {
                assertThat(listed).as("shortcut list").anyMatch(line -> line.startsWith(ShortcutsDialog.keys(accelerator) + ": "));
            }
            assertThat(listed).anyMatch(line -> line.contains("Shift+Enter"));
        } finally {
            bob.close();
        }
    }

    /** The mnemonics reachable with Alt in the window itself (menu items inside menus do not count). */
    private static List<Integer> mnemonics(java.awt.Container container) {
        List<Integer> keys = new ArrayList<>();
        for (Component child : container.getComponents()) {
            if (!child.isShowing()) {
                continue;
            }
            if (child instanceof javax.swing.AbstractButton button && button.getMnemonic() != 0) {
                keys.add(button.getMnemonic());
            } else if (child instanceof javax.swing.JLabel label && label.getDisplayedMnemonic() != 0) {
                keys.add(label.getDisplayedMnemonic());
            }
            if (child instanceof java.awt.Container inner && !(child instanceof JMenu)) {
                keys.addAll(mnemonics(inner));
            }
        }
        return keys;
    }

    private static List<KeyStroke> accelerators(JMenuBar bar) {
        List<KeyStroke> keys = new ArrayList<>();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            collect(bar.getMenu(i), keys);
        }
        return keys;
    }

    private static void collect(JMenu menu, List<KeyStroke> keys) {
        for (Component item : menu.getMenuComponents()) {
            if (item instanceof JMenu sub) {
                collect(sub, keys);
            } else if (item instanceof JMenuItem entry && entry.getAccelerator() != null) {
                keys.add(entry.getAccelerator());
            }
        }
    }

    /** Whether {@code component} (or a text component's keymap) takes {@code key} before the menu bar sees it. */
    private static boolean bound(JComponent component, KeyStroke key) {
        for (int condition : new int[] {JComponent.WHEN_FOCUSED, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT}) {
            for (Component at = component; at instanceof JComponent c; at = at.getParent()) {
                InputMap map = c.getInputMap(condition);
                Object action = map == null ? null : map.get(key);
                if (action != null && !"none".equals(action) && c.getActionMap().get(action) != null) {
                    return true;
                }
                if (condition == JComponent.WHEN_FOCUSED) {
                    break;
                }
            }
        }
        return component instanceof JTextComponent text && text.getKeymap() != null && text.getKeymap().getAction(key) != null;
    }

    private static int selected(JList<?> list) {
        return onEdt(() -> Integer.valueOf(list.getSelectedIndex()));
    }

    private static Component focusOwner() {
        return onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
    }

    private void awaitFocus(String name) {
        await(name + " has the focus", 5, () -> {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner != null && name.equals(owner.getName());
        });
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
