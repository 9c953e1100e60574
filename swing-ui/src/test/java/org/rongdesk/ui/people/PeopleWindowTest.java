package org.rongdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.CTRL;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.text.JTextComponent;

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
import org.rongdesk.ui.testing.Rows;
import org.rongdesk.ui.testing.SignedIn;
import org.rongdesk.ui.testing.Windows;

/**
 * People by the names they chose, in the main window against a real server: a peer who named
 * themselves is listed, shown in the history, said in announcements and in the typing line by
 * that name, and their user id is in the conversation's details (Ctrl+I).
 */
@ExtendWith(EjabberdExtension.class)
class PeopleWindowTest extends GuiTest {
    @Test
    void aPeerIsShownAndSaidByTheNameTheyChoseTheirIdInDetails(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "pn-alice", "pn-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "pn-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "pn-alice")) {
            Sends.result(bob::setUserInfo, Json.of("name", "Bob Builder"));
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "pn-alice", "text", "can we fix it?"));
            alice.awaitUnread(1);
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);
            JList<?> conversations = frame.robot().finder().findByName("conversations", JList.class);
            JList<?> history = frame.robot().finder().findByName("history", JList.class);

            // the list and the history name him as he named himself
            await("bob listed by name", 15, () -> Rows.of(conversations).equals(List.of("Bob Builder: can we fix it?")));
            await("his message shown with his name", 10, () -> Rows.of(history).size() == 1
                    && Rows.of(history).get(0).matches("Bob Builder, [^,]*: can we fix it\\?"));
            assertThat(onEdt(() -> frame.robot().finder().findByName("composer", JTextComponent.class)
                    .getAccessibleContext().getAccessibleName())).isEqualTo("Message to Bob Builder");

            // what arrives is said with his name; so is his typing
            Sends.sendOk(bob::sendTextMessage, Sends.params("PRIVATE", "pn-alice", "text", "yes we can"));
            await("the message said with his name", 10, () -> alice.ui.announcer().recent().stream()
                    .anyMatch(line -> line.matches("Bob Builder, [^,]*: yes we can")));
            Sends.result(bob::sendTypingStatus, Sends.params("PRIVATE", "pn-alice"));
            JLabel typing = frame.robot().finder().findByName("typing", JLabel.class);
            await("his typing shown with his name", 10, () -> typing.getText().equals("Bob Builder is typing…"));
            assertThat(alice.announced()).noneMatch(line -> line.contains("pn-bob"));

            // Conversation → Details… (Ctrl+I): his name and, findable, his user id
            key(KeyEvent.VK_I, CTRL);
            DialogFixture details = frame.dialog();
            assertThat(onEdt(details.target()::getTitle)).isEqualTo("Conversation details");
            assertThat(field(details, "Name:")).isEqualTo("Bob Builder");
            assertThat(field(details, "User id:")).isEqualTo("pn-bob");
            assertThat(field(details, "Type:")).isEqualTo("private");
            details.label(new GenericTypeMatcher<JLabel>(JLabel.class) {
                @Override
                protected boolean isMatching(JLabel label) {
                    return "No picture".equals(label.getAccessibleContext().getAccessibleName());
                }
            }).requireVisible();
            key(KeyEvent.VK_ESCAPE);
            await("details closed", 5, () -> !details.target().isShowing());
        } finally {
            bob.close();
        }
    }

    /** The text of the field that the label {@code labelText} names. */
    static String field(DialogFixture dialog, String labelText) {
        JLabel label = dialog.label(new GenericTypeMatcher<JLabel>(JLabel.class) {
            @Override
            protected boolean isMatching(JLabel candidate) {
                return labelText.equals(candidate.getText());
            }
        }).target();
        return onEdt(() -> ((JTextComponent) label.getLabelFor()).getText());
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
