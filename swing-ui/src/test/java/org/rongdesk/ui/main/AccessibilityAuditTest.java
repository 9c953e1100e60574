package org.rongdesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import com.google.gson.JsonArray;

import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.swing.JDialog;
import javax.swing.JList;
import javax.swing.SwingUtilities;

import org.assertj.swing.finder.WindowFinder;
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
import org.rongdesk.ui.testing.Audit;
import org.rongdesk.ui.testing.GuiTest;
import org.rongdesk.ui.testing.Media;
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * The in-JVM accessibility audit of the main window and every dialog it opens (people's too), each opened from
 * the keyboard: names on every Tab stop and list row, no focus traps, closed focus cycles,
 * described pictures, no HTML rendering (a message and a discussion name here start with
 * {@code <html>}).
 */
@ExtendWith(EjabberdExtension.class)
class AccessibilityAuditTest extends GuiTest {
    @Test
    void everyWindowAndDialogPassesTheAudit(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "au-alice", "au-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "au-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "au-alice")) {
            Path picture = Media.png(dir.resolve("bob/data/fs/p.png"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "au-alice", "text", "<html><u>hi</u>"));
            Sends.sendOk(bob::sendImageMessage, Sends.params("PRIVATE", "au-alice", "imagePath", picture.toString(),
                    "extra", "a square"));
            JsonArray members = new JsonArray();
            members.add("au-bob");
            Sends.result(alice.rong::createDiscussion, Json.of("name", "<html>Plans", "userIdList", members));
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            await("both conversations listed", 15, () -> Rows.of(conversations).size() == 2);

            Map<String, List<String>> problems = new LinkedHashMap<>();
            problems.put("main window", Audit.problems(frame.target()));

            audit(problems, "quick switcher", () -> key(KeyEvent.VK_K, CTRL));
            audit(problems, "search messages", () -> key(KeyEvent.VK_F, CTRL));
            audit(problems, "new chat", () -> key(KeyEvent.VK_N, CTRL));
            audit(problems, "location form", () -> key(KeyEvent.VK_L, CTRL | SHIFT));
            audit(problems, "rich content form", () -> key(KeyEvent.VK_K, CTRL | SHIFT));
            audit(problems, "voice recorder", () -> key(KeyEvent.VK_E, CTRL | SHIFT));
            audit(problems, "new discussion", () -> key(KeyEvent.VK_N, CTRL | SHIFT));
            audit(problems, "join group", () -> key(KeyEvent.VK_G, CTRL | SHIFT));
            audit(problems, "join chat room", () -> key(KeyEvent.VK_J, CTRL | SHIFT));
            audit(problems, "keyboard shortcuts", () -> key(KeyEvent.VK_F1));
            audit(problems, "about", () -> menu(KeyEvent.VK_H, KeyEvent.VK_A));
            audit(problems, "plugins", () -> menu(KeyEvent.VK_F, KeyEvent.VK_P));
            audit(problems, "sync groups", () -> menu(KeyEvent.VK_R, KeyEvent.VK_S));
            audit(problems, "settings", () -> SwingUtilities.invokeLater(() -> new SettingsDialog(frame.target(), alice.ui).ask()));
            audit(problems, "profile", () -> key(KeyEvent.VK_Y, CTRL | SHIFT));

            // Contacts, and its Add contact form over it
            key(KeyEvent.VK_C, CTRL | SHIFT);
            DialogFixture contacts = Windows.dialogTitled(robot, "Contacts");
            robot.waitForIdle();
            problems.put("contacts", Audit.problems(contacts.target()));
            key(KeyEvent.VK_A, ALT);
            DialogFixture add = Windows.dialogTitled(robot, "Add contact");
            robot.waitForIdle();
            problems.put("add contact", Audit.problems(add.target()));
            key(KeyEvent.VK_ESCAPE);
            await("add contact closed by Esc", 5, () -> !add.target().isShowing());
            key(KeyEvent.VK_ESCAPE);
            await("contacts closed by Esc", 5, () -> !contacts.target().isShowing());

            // the discussion (found with the quick switcher), its settings
            key(KeyEvent.VK_K, CTRL);
            frame.dialog();
            robot.enterText("Plans");
            key(KeyEvent.VK_ENTER);
            await("the discussion open", 10, () -> window.current().map(c -> c.type().equals("DISCUSSION")).orElse(false));
            audit(problems, "discussion settings", () -> key(KeyEvent.VK_D, CTRL | SHIFT));

            // bob's conversation: the image message's viewer, the text message's details
            key(KeyEvent.VK_K, CTRL);
            frame.dialog();
            robot.enterText("au-bob");
            key(KeyEvent.VK_ENTER);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);
            await("bob's two messages shown", 10, () -> Rows.of(history).size() == 2);
            problems.put("main window with a conversation open", Audit.problems(frame.target()));
            audit(problems, "conversation details", () -> key(KeyEvent.VK_I, CTRL));
            key(KeyEvent.VK_F6, SHIFT);
            audit(problems, "image viewer", () -> key(KeyEvent.VK_ENTER));
            key(KeyEvent.VK_UP);
            audit(problems, "message details", () -> key(KeyEvent.VK_ENTER));

            // a message of alice's own: Edit message (F2)
            key(KeyEvent.VK_3, CTRL);
            robot.enterText("my words");
            key(KeyEvent.VK_ENTER);
            await("alice's message sent", 10, () -> Rows.of(history).stream().anyMatch(r -> r.matches("You, [^,]*, sent: my words")));
            key(KeyEvent.VK_2, CTRL);
            key(KeyEvent.VK_END);
            audit(problems, "edit message", () -> key(KeyEvent.VK_F2));

            // last: the sign-in dialog belongs to no window, so nothing hands the focus back after it
            audit(problems, "sign-in", () -> SwingUtilities.invokeLater(() ->
                    new SignInDialog(alice.ui, Optional.empty(), "<html>The token was refused").ask()));

            assertThat(problems).allSatisfy((what, found) -> assertThat(found).as(what).isEmpty());
            assertThat(problems).hasSize(25);
        } finally {
            bob.close();
        }
    }

    /** Opens a dialog with {@code open}, audits it, closes it with Esc. */
    private void audit(Map<String, List<String>> problems, String what, Runnable open) {
        open.run();
        DialogFixture dialog = WindowFinder.findDialog(JDialog.class).withTimeout(10_000).using(robot);
        robot.waitForIdle();
        problems.put(what, Audit.problems(dialog.target()));
        key(KeyEvent.VK_ESCAPE);
        Window window = dialog.target();
        await(what + " closed by Esc", 5, () -> !window.isShowing());
    }

    private void menu(int menuMnemonic, int itemMnemonic) {
        key(menuMnemonic, ALT);
        key(itemMnemonic);
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
