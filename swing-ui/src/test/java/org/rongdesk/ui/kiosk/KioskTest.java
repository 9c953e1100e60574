package org.rongdesk.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;

/**
 * Kiosk mode against a real server: full screen in one chat room, the keys that leave or close
 * windows do nothing, Tab stays among its few named controls, it signs in and rejoins by itself
 * after losing its session, and administrators' display controls apply.
 */
@ExtendWith(EjabberdExtension.class)
class KioskTest extends GuiTest {
    @Test
    void cannotBeLeftAndRejoinsByItself(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "ki-kiosk", "ki-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "ki-bob", new Replies());
        Sends.result(bob::joinChatRoom, Json.of("chatRoomId", "ki-lobby", "defMessageCount", -1));
        try (SignedIn kiosk = SignedIn.as(server, dir.resolve("kiosk"), "ki-kiosk")) {
            KioskWindow window = GuiActionRunner.execute(() -> new KioskWindow(kiosk.ui, "ki-lobby"));
            GuiActionRunner.execute(window::start);
            robot.waitForIdle();
            JList<?> history = window.history().messageList();
            await("the kiosk is in the room", 15, () -> state().equals("Connected"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("CHATROOM", "ki-lobby", "text", "welcome"));
            await("the room's message shown", 15, () -> Rows.of(history).stream().anyMatch(r -> r.endsWith(": welcome")));
            await("and said", 10, () -> kiosk.ui.announcer().recent().stream().anyMatch(line -> line.endsWith(": welcome")));

            // full screen, and only its own named controls take the focus
            assertThat(onEdt(() -> window.getGraphicsConfiguration().getDevice().getFullScreenWindow() == window
                    || window.getBounds().equals(window.getGraphicsConfiguration().getBounds()))).isTrue();
            assertThat(Audit.problems(window)).isEmpty();
            List<String> stops = onEdt(() -> Audit.tabStops(window).stream()
                    .map(c -> c.getAccessibleContext().getAccessibleName()).toList());
            assertThat(stops).containsExactly("Messages with ki-lobby", "Message to ki-lobby", "Send");

            // the keys that close, leave or switch windows elsewhere change nothing here
            int[][] escapes = {
                {KeyEvent.VK_F4, ALT}, {KeyEvent.VK_W, CTRL}, {KeyEvent.VK_Q, CTRL}, {KeyEvent.VK_F10},
                {KeyEvent.VK_ESCAPE}, {KeyEvent.VK_K, CTRL}, {KeyEvent.VK_N, CTRL}, {KeyEvent.VK_COMMA, CTRL},
                {KeyEvent.VK_F, ALT}, {KeyEvent.VK_F1}, {KeyEvent.VK_F6}, {KeyEvent.VK_TAB}, {KeyEvent.VK_TAB, SHIFT},
                {KeyEvent.VK_I, CTRL | SHIFT}, {KeyEvent.VK_J, CTRL | SHIFT}, {KeyEvent.VK_SPACE, ALT},
            };
            for (int[] escape : escapes) {
                robot.pressAndReleaseKey(escape[0], Arrays.copyOfRange(escape, 1, escape.length));
                robot.waitForIdle();
                String key = KeyEvent.getKeyText(escape[0]) + (escape.length > 1 ? " with " + escape[1] : "");
                assertThat(onEdt(window::isShowing)).as("still showing after " + key).isTrue();
                assertThat(onEdt(() -> Arrays.stream(Window.getWindows()).filter(Window::isShowing).toList()))
                        .as("windows after " + key).containsExactly(window);
                Component owner = onEdt(() -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
                assertThat(owner == null || SwingUtilities.isDescendingFrom(owner, window)).as("focus after " + key).isTrue();
            }

            // losing the session: it signs in again by itself and rejoins the room
            kiosk.rong.disconnect(Json.of("isReceivePush", false), (ret, err) -> { });
            await("the loss shown", 10, () -> !state().equals("Connected"));
            await("connected again", 30, () -> state().equals("Connected"));
            awaitRejoined(bob, history);

            // display controls from the kiosk-control plugin
            GuiActionRunner.execute(() -> window.control(Json.of("type", "control", "action", "banner", "value", "Closing at 6")));
            JLabel banner = robot.finder().findByName("banner", JLabel.class);
            assertThat(onEdt(banner::getText)).isEqualTo("Closing at 6");
            assertThat(onEdt(banner::isShowing)).isTrue();
            assertThat(kiosk.announced()).contains("Closing at 6");
            GuiActionRunner.execute(() -> window.control(Json.of("type", "control", "action", "fontScale", "value", "250")));
            assertThat(kiosk.ui.settings().fontScale()).isEqualTo(250);
        } finally {
            bob.close();
        }
    }

    private String state() {
        JLabel label = robot.finder().findByName("connection", JLabel.class);
        return onEdt(label::getText);
    }

    /** Sends until the kiosk shows a message sent after its rejoin (the room is entered again a moment after connecting). */
    private void awaitRejoined(RongCloud bob, JList<?> history) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        for (int i = 0; System.currentTimeMillis() < deadline; i++) {
            String text = "after " + i;
            Sends.sendOk(bob::sendTextMessage, Sends.params("CHATROOM", "ki-lobby", "text", text));
            Thread.sleep(1_000);
            if (Rows.of(history).stream().anyMatch(r -> r.endsWith(": " + text))) {
                return;
            }
        }
        throw new AssertionError("no message after the rejoin reached the kiosk: " + Rows.of(history));
    }
}
