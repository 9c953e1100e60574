package org.rongdesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;

import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;

import javax.swing.JList;

import org.assertj.swing.core.matcher.JTextComponentMatcher;
import org.assertj.swing.fixture.DialogFixture;
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
import org.rongdesk.ui.app.Json;
import org.rongdesk.ui.main.MainWindow;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * The history from the keyboard, against a real server: older pages load at the top and are
 * said, a message is copied, given an extra, deleted; a message that failed to send says so and
 * is sent again from the Message menu.
 */
@ExtendWith(EjabberdExtension.class)
class HistoryTest extends GuiTest {
    @Test
    void pagesCopyExtraDeleteAndResend(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "kh-alice", "kh-bob");
        Replies bobGot = new Replies();
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kh-bob", new Replies(), bobGot);
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kh-alice")) {
            for (int i = 1; i <= 70; i++) {
                Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "kh-alice", "text", "number " + i));
            }
            alice.awaitUnread(70);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("the latest page shown", 20, () -> Rows.of(history).size() == HistoryPanel.PAGE);
            assertThat(Rows.of(history).get(HistoryPanel.PAGE - 1)).endsWith(": number 70");
            assertThat(Rows.of(history).get(0)).endsWith(": number 41");

            // Home reaches the top: the page before loads above, the same message stays selected
            key(KeyEvent.VK_2, CTRL);
            key(KeyEvent.VK_HOME);
            await("the second page loaded", 10, () -> Rows.of(history).size() == 2 * HistoryPanel.PAGE);
            assertThat(alice.announced()).contains("30 earlier messages loaded");
            assertThat(onEdt(() -> history.getSelectedValue().toString())).contains("number 41");
            key(KeyEvent.VK_HOME);
            await("the last page loaded", 10, () -> Rows.of(history).size() == 70);
            assertThat(alice.announced()).contains("10 earlier messages loaded Beginning of the conversation");
            assertThat(Rows.of(history).get(0)).endsWith(": number 1");

            // Ctrl+C copies the selected message's text
            key(KeyEvent.VK_HOME);
            key(KeyEvent.VK_C, CTRL);
            await("copied", 5, () -> "number 1".equals(clipboard()));

            // Message → Set extra (Alt+M, X), then Message → Details (Alt+M, T) shows it
            key(KeyEvent.VK_M, ALT);
            key(KeyEvent.VK_X);
            frame.dialog();
            robot.enterText("checked");
            key(KeyEvent.VK_ENTER);
            await("extra saved", 10, () -> alice.ui.announcer().recent().contains("Extra saved"));
            key(KeyEvent.VK_M, ALT);
            key(KeyEvent.VK_T);
            DialogFixture details = frame.dialog();
            details.textBox(JTextComponentMatcher.withText("checked")).requireVisible();
            key(KeyEvent.VK_ESCAPE);

            // Delete, confirmed with Enter: gone from the history and the store
            key(KeyEvent.VK_DELETE);
            frame.optionPane().yesButton();
            key(KeyEvent.VK_ENTER);
            await("deleted", 10, () -> Rows.of(history).size() == 69);
            assertThat(Rows.of(history).get(0)).endsWith(": number 2");
            assertThat(Sends.result(alice.rong::getLatestMessages, Json.conversation("PRIVATE", "kh-bob", "count", 100))
                    .getAsJsonArray()).hasSize(69);

            // a message written while signed out fails, says so, and goes with Message → Send again
            Replies out = new Replies();
            alice.rong.disconnect(Json.of("isReceivePush", false), out);
            out.next();
            key(KeyEvent.VK_3, CTRL);
            robot.enterText("while away");
            key(KeyEvent.VK_ENTER);
            await("shown as not sent", 10, () -> Rows.of(history).get(Rows.of(history).size() - 1)
                    .matches("You, .*, not sent \\(choose Send again\\): while away"));
            alice.rong.reconnect(out);
            assertThat(out.next(Duration.ofSeconds(15)).status()).isEqualTo("success");
            key(KeyEvent.VK_2, CTRL);
            key(KeyEvent.VK_END);
            key(KeyEvent.VK_M, ALT);
            key(KeyEvent.VK_S);
            assertThat(Sends.message(bobGot.next(Duration.ofSeconds(15))).getAsJsonObject("content").get("text").getAsString())
                    .isEqualTo("while away");
            await("shown as sent", 10, () -> Rows.of(history).get(Rows.of(history).size() - 1).matches("You, [^,]*, sent: while away"));
        } finally {
            bob.close();
        }
    }

    private static String clipboard() {
        try {
            return (String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor);
        } catch (Exception e) {
            return null;
        }
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
