package org.rongdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import com.google.gson.JsonObject;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;

import javax.swing.JLabel;
import javax.swing.JTextField;

import org.assertj.swing.core.GenericTypeMatcher;
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
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * People → Profile… (Ctrl+Shift+Y) from the keyboard, against a real server: a name over 64
 * characters is refused in words with the focus back on the name, and the dialog stays open;
 * a good name is saved, said, and read by another client.
 */
@ExtendWith(EjabberdExtension.class)
class ProfileDialogTest extends GuiTest {
    @Test
    void aTooLongNameIsRefusedInWordsAGoodOneIsSavedForOthers(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "pf-alice", "pf-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "pf-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "pf-alice")) {
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);

            // the name field has the focus, with the name others see now (none chosen: the id)
            key(KeyEvent.VK_Y, CTRL | SHIFT);
            DialogFixture profile = frame.dialog();
            assertThat(onEdt(() -> profile.target().getTitle())).isEqualTo("Profile");
            JTextField name = profile.robot().finder().findByName(profile.target(), "profileName", JTextField.class);
            await("the name field focused", 5, () -> focusOwner() == name);
            assertThat(onEdt(() -> name.getText())).isEqualTo("pf-alice");
            assertThat(onEdt(() -> label(profile, "Name others see:").getLabelFor())).isSameAs(name);

            // 65 characters: refused in words, the dialog open, the focus on the name
            key(KeyEvent.VK_A, CTRL);
            robot.enterText("x".repeat(65));
            key(KeyEvent.VK_ENTER);
            String refusal = "Problem: The name must have 1 to 64 characters: at most 64 characters, was 65";
            await("the refusal shown", 10, () -> profile.target().isShowing()
                    && label(profile, refusal) != null && label(profile, refusal).isShowing());
            await("the refusal said", 5, () -> alice.ui.announcer().recent().contains(refusal));
            await("the focus on the name", 5, () -> focusOwner() == name);

            // Alt+N goes to the name too; a good one is saved, said, and seen by bob
            key(KeyEvent.VK_N, ALT);
            key(KeyEvent.VK_A, CTRL);
            robot.enterText("Alice Liddell");
            key(KeyEvent.VK_ENTER);
            await("the dialog closed", 10, () -> !profile.target().isShowing());
            await("saved, said", 5, () -> alice.ui.announcer().recent().contains("Profile saved: others see you as Alice Liddell"));
            JsonObject seenByBob = Sends.result(bob::getUserInfo, Json.of("userId", "pf-alice")).getAsJsonObject();
            assertThat(seenByBob.get("name").getAsString()).isEqualTo("Alice Liddell");

            // opened again: the name as saved
            key(KeyEvent.VK_Y, CTRL | SHIFT);
            DialogFixture again = frame.dialog();
            JTextField nameAgain = again.robot().finder().findByName(again.target(), "profileName", JTextField.class);
            assertThat(onEdt(() -> nameAgain.getText())).isEqualTo("Alice Liddell");
            key(KeyEvent.VK_ESCAPE);
            await("closed", 5, () -> !again.target().isShowing());
        } finally {
            bob.close();
        }
    }

    /** The label of {@code dialog} reading {@code text}, or null (read on the EDT). */
    private static JLabel label(DialogFixture dialog, String text) {
        return (JLabel) dialog.robot().finder().findAll(dialog.target(), new GenericTypeMatcher<JLabel>(JLabel.class, false) {
            @Override
            protected boolean isMatching(JLabel label) {
                return text.equals(label.getText());
            }
        }).stream().findFirst().orElse(null);
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
