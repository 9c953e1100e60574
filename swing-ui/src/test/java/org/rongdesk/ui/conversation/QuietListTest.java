package org.rongdesk.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import java.awt.event.KeyEvent;
import java.beans.PropertyChangeEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.accessibility.AccessibleContext;
import javax.swing.JList;
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
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * Messages that reorder the conversation list while the user types tell a screen reader nothing
 * about the list's selection (Orca took each such event for a focus move, issue 20); arrowing in
 * the focused list still does.
 */
@ExtendWith(EjabberdExtension.class)
class QuietListTest extends GuiTest {
    @Test
    void anUnfocusedListChangesWithoutSelectionEvents(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ql-alice", "ql-bob", "ql-carol");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "ql-bob", new Replies());
        RongCloud carol = Clients.signedIn(server, dir.resolve("carol"), "ql-carol", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "ql-alice")) {
            Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "ql-alice", "text", "carol first"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "ql-alice", "text", "bob first"));
            alice.awaitUnread(2);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            JTextComponent composer = frame.robot().finder().findByName("composer", JTextComponent.class);
            await("both listed, bob's open on top", 15, () -> Rows.of(conversations).size() == 2
                    && conversations.getSelectedIndex() == 0);

            List<String> events = new ArrayList<>();
            AccessibleContext list = onEdt(conversations::getAccessibleContext);
            doOnEdt(() -> list.addPropertyChangeListener(e -> events.add(describe(e))));
            robot.pressAndReleaseKey(KeyEvent.VK_3, CTRL);
            robot.waitForIdle();
            await("typing in the composer", 5, composer::isFocusOwner);
            robot.enterText("half a sentence");

            // carol's messages move her conversation above the open one: the selection moves down
            for (int i = 1; i <= 3; i++) {
                Sends.sendOk(carol::sendTextMessage, Sends.params("PRIVATE", "ql-alice", "text", "carol " + i));
            }
            await("carol on top, bob still selected", 15, () -> Rows.of(conversations).get(0).startsWith("ql-carol")
                    && conversations.getSelectedIndex() == 1);
            robot.waitForIdle();
            List<String> whileTyping = onEdt(() -> List.copyOf(events));
            assertThat(whileTyping).as("no selection or active descendant news from the unfocused list")
                    .noneMatch(e -> e.startsWith(AccessibleContext.ACCESSIBLE_SELECTION_PROPERTY)
                            || e.startsWith(AccessibleContext.ACCESSIBLE_ACTIVE_DESCENDANT_PROPERTY));
            String typed = onEdt(composer::getText);
            assertThat(typed).as("the typing went on undisturbed").isEqualTo("half a sentence");

            robot.pressAndReleaseKey(KeyEvent.VK_1, CTRL);
            robot.waitForIdle();
            await("in the list", 5, conversations::isFocusOwner);
            doOnEdt(events::clear);
            robot.pressAndReleaseKey(KeyEvent.VK_UP);
            robot.waitForIdle();
            await("carol's row selected", 5, () -> conversations.getSelectedIndex() == 0);
            await("the focused list tells its new row", 5, () -> events.stream()
                    .anyMatch(e -> e.startsWith(AccessibleContext.ACCESSIBLE_ACTIVE_DESCENDANT_PROPERTY)));
        } finally {
            bob.close();
            carol.close();
        }
    }

    private static String describe(PropertyChangeEvent e) {
        return e.getPropertyName() + " " + e.getNewValue();
    }
}
