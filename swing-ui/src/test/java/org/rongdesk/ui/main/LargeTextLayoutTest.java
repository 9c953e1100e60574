package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.ui.settings.UiSettings;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;
import org.rongdesk.ui.theme.Themes;

/**
 * Text at 200 %: the main window at 1280×800 and its dialogs show every label, button, menu and
 * field whole (nothing narrower or lower than it needs, nothing pushed out of its panel). Runs
 * in a JVM of its own.
 */
@Tag("large-text")
@ExtendWith(EjabberdExtension.class)
class LargeTextLayoutTest extends GuiTest {
    @BeforeAll
    static void doubleTheText() {
        GuiActionRunner.execute(() -> Themes.apply(UiSettings.Theme.LIGHT, 200));
    }

    @Test
    void nothingIsClippedAt200Percent(DevServer server, @TempDir Path dir) throws Exception {
        assertThat(GuiActionRunner.execute(() -> UIManager.getFont("Label.font").getSize())).isGreaterThanOrEqualTo(24);
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "lt-alice")) {
            alice.rong.joinGroup(org.rongdesk.ui.app.Json.of("groupId", "lt-group", "groupName", "A group with a long name"),
                    (ret, err) -> { });
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            GuiActionRunner.execute(() -> window.setSize(new Dimension(1280, 800)));
            FrameFixture frame = Windows.show(robot, window);
            await("the group open", 15, () -> window.current().isPresent());
            robot.waitForIdle();
            Map<String, List<String>> clipped = new LinkedHashMap<>();
            clipped.put("main window", clipped(window));
            check(clipped, "new discussion", () -> key(KeyEvent.VK_N, CTRL | SHIFT));
            check(clipped, "location form", () -> key(KeyEvent.VK_L, CTRL | SHIFT));
            check(clipped, "join chat room", () -> key(KeyEvent.VK_J, CTRL | SHIFT));
            check(clipped, "keyboard shortcuts", () -> key(KeyEvent.VK_F1));
            check(clipped, "settings", () -> SwingUtilities.invokeLater(() -> new SettingsDialog(frame.target(), alice.ui).ask()));
            assertThat(clipped).allSatisfy((what, found) -> assertThat(found).as(what).isEmpty());
        }
    }

    private void check(Map<String, List<String>> clipped, String what, Runnable open) {
        open.run();
        DialogFixture dialog = WindowFinder.findDialog(JDialog.class).withTimeout(10_000).using(robot);
        robot.waitForIdle();
        clipped.put(what, clipped(dialog.target()));
        key(KeyEvent.VK_ESCAPE);
        Window window = dialog.target();
        await(what + " closed", 5, () -> !window.isShowing());
    }

    /** The components showing less than their preferred size (text cut off), outside scrolled views. */
    private static List<String> clipped(Window window) {
        return GuiActionRunner.execute(() -> {
            List<String> found = new ArrayList<>();
            walk(window, found);
            return found;
        });
    }

    private static void walk(Container container, List<String> found) {
        for (Component child : container.getComponents()) {
            if (!child.isShowing() || child instanceof JViewport) {
                continue;
            }
            // arrows without words (a spinner's) are drawn to the space they get; words must fit
            boolean texty = child instanceof JLabel label && !label.getText().isEmpty()
                    || child instanceof AbstractButton button && !button.getText().isEmpty()
                    || child instanceof JTextField || child instanceof JComboBox || child instanceof JSpinner;
            Dimension wanted = child.getPreferredSize();
            if (texty && (child.getWidth() < wanted.width - 1 || child.getHeight() < wanted.height - 1)) {
                found.add(child.getClass().getSimpleName() + " " + text(child) + " is " + child.getWidth() + "×"
                        + child.getHeight() + ", needs " + wanted.width + "×" + wanted.height);
            }
            if (texty && (child.getX() < 0 || child.getY() < 0 || child.getX() + child.getWidth() > container.getWidth() + 1
                    || child.getY() + child.getHeight() > container.getHeight() + 1)) {
                found.add(child.getClass().getSimpleName() + " " + text(child) + " lies outside what shows it");
            }
            if (child instanceof Container inner) {
                walk(inner, found);
            }
        }
    }

    private static String text(Component component) {
        if (component instanceof JLabel label) {
            return "'" + label.getText() + "'";
        }
        return component instanceof AbstractButton button ? "'" + button.getText() + "'" : "";
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
