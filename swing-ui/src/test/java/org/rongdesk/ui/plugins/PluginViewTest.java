package org.rongdesk.ui.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.swing.JButton;
import javax.swing.JList;

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
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * A plugin content type in the history, with the real poll plugin loaded by PF4J: the row reads
 * the type's own summary, Enter opens the plugin's view, and its vote button works from the
 * keyboard (the vote reaches the poll's author).
 */
@ExtendWith(EjabberdExtension.class)
class PluginViewTest extends GuiTest {
    @Test
    void aPollIsReadOpenedAndVotedOnFromTheKeyboard(DevServer server, @TempDir Path dir) throws Exception {
        Path poll = Path.of(System.getProperty("poll.plugin.jar"));
        Clients.register(server, "kp-alice", "kp-bob");
        Clients.installPlugins(dir.resolve("alice"), List.of(poll), Map.of());
        Clients.installPlugins(dir.resolve("bob"), List.of(poll), Map.of());
        Replies bobGot = new Replies();
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "kp-bob", new Replies(), bobGot);
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "kp-alice")) {
            JsonArray options = new JsonArray();
            options.add("Noodles");
            options.add("Dumplings");
            JsonObject content = Json.of("pollId", "lunch-1", "question", "Lunch?", "options", options);
            Sends.sendOk(bob::sendMessage, Sends.params("PRIVATE", "kp-alice", "objectName", "App:Poll", "content", content));
            // the window opens the first conversation it lists: the poll must have arrived by then
            // (bob's send can succeed before alice has it; a window built sooner listed nothing)
            alice.awaitUnread(1);

            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("the poll shown", 15, () -> Rows.of(history).size() == 1);
            assertThat(Rows.of(history).get(0)).startsWith("kp-bob, ").endsWith(": Poll: Lunch? (Noodles / Dumplings)");

            key(KeyEvent.VK_2, CTRL);
            key(KeyEvent.VK_ENTER);
            DialogFixture view = frame.dialog();
            assertThat(Audit.problems(view.target())).isEmpty();
            // Tab from the message field to the first vote button, Space presses it
            for (int i = 0; i < 5 && !focusOwnerText().startsWith("Vote Noodles"); i++) {
                key(KeyEvent.VK_TAB);
            }
            assertThat(focusOwnerText()).startsWith("Vote Noodles, 0 votes");
            key(KeyEvent.VK_SPACE);
            JsonObject vote = Sends.message(bobGot.next(Duration.ofSeconds(15)));
            assertThat(vote.get("objectName").getAsString()).isEqualTo("RC:CmdNtf");
            assertThat(vote.getAsJsonObject("content").get("name").getAsString()).isEqualTo("poll.vote");
            key(KeyEvent.VK_ESCAPE);
        } finally {
            bob.close();
        }
    }

    private static String focusOwnerText() {
        return onEdt(() -> {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner instanceof JButton button ? button.getText() : "";
        });
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
