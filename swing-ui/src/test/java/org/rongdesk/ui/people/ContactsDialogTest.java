package org.rongdesk.ui.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.ui.testing.Masks.ALT;
import static org.rongdesk.ui.testing.Masks.CTRL;
import static org.rongdesk.ui.testing.Masks.SHIFT;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

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
 * People → Contacts (Ctrl+Shift+C) from the keyboard, against a real server: Add contact… by
 * user id, the contact's presence in words changing live (online, then offline when they sign
 * out), Enter opening the conversation, Delete removing the
 * contact after asking.
 */
@ExtendWith(EjabberdExtension.class)
class ContactsDialogTest extends GuiTest {
    @Test
    void addSeePresenceChangeOpenAndRemoveAContact(DevServer server, @TempDir Path dir) throws Exception {
        Clients.register(server, "pc-alice", "pc-bob");
        RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "pc-bob", new Replies());
        try (SignedIn alice = SignedIn.as(server, dir.resolve("alice"), "pc-alice")) {
            Sends.result(bob::setUserInfo, Json.of("name", "Bob Builder"));
            // bob asks for alice first: her request to him is then accepted by his client
            Sends.result(bob::addContact, Json.of("userId", "pc-alice"));
            MainWindow window = Windows.main(alice, dir, new Windows.Commands());
            FrameFixture frame = Windows.show(robot, window);

            // no contacts yet: said, and the Add contact button is named
            key(KeyEvent.VK_C, CTRL | SHIFT);
            DialogFixture contacts = frame.dialog();
            JList<?> list = contacts.robot().finder().findByName(contacts.target(), "contacts", JList.class);
            await("the list has the focus", 5, () -> focusOwner() == list);
            JLabel status = contacts.robot().finder().findByName(contacts.target(), "contactsStatus", JLabel.class);
            await("none yet", 10, () -> status.getText().equals("No contacts yet: Add contact (Alt+A) adds one"));
            await("none yet, said", 5, () -> alice.ui.announcer().recent().contains("No contacts yet: Add contact (Alt+A) adds one"));

            // Add contact… (Alt+A): a user id, Enter; bob is listed by name and seen online
            key(KeyEvent.VK_A, ALT);
            DialogFixture add = Windows.dialogTitled(robot, "Add contact");
            await("the user id field has the focus", 5, () -> focusOwner() instanceof JTextField field
                    && SwingUtilities.getWindowAncestor(field) == add.target());
            robot.enterText("pc-bob");
            key(KeyEvent.VK_ENTER);
            await("bob added and online", 15, () -> Rows.of(list).equals(List.of("Bob Builder — online")));
            assertThat(alice.announced()).contains("Bob Builder added to your contacts: they are asked to share their presence");
            await("the focus back on the list", 5, () -> focusOwner() == list);

            // he signs out: offline, said
            Sends.result(bob::disconnect, Json.of());
            await("bob offline", 15, () -> Rows.of(list).equals(List.of("Bob Builder — offline")));
            await("said", 5, () -> alice.ui.announcer().recent().contains("Bob Builder — offline"));

            // Enter: the conversation with him opens, ready to write
            key(KeyEvent.VK_ENTER);
            await("contacts closed", 5, () -> !contacts.target().isShowing());
            JTextComponent composer = frame.robot().finder().findByName("composer", JTextComponent.class);
            await("writing to him", 10, () -> focusOwner() == composer
                    && "Message to Bob Builder".equals(composer.getAccessibleContext().getAccessibleName()));

            // Delete in the list removes him, after asking
            key(KeyEvent.VK_C, CTRL | SHIFT);
            DialogFixture again = frame.dialog();
            JList<?> list2 = again.robot().finder().findByName(again.target(), "contacts", JList.class);
            await("listed again", 10, () -> Rows.of(list2).equals(List.of("Bob Builder — offline")) && focusOwner() == list2);
            key(KeyEvent.VK_DELETE);
            again.optionPane().textBox().requireText("Remove Bob Builder (user id: pc-bob) from your contacts? "
                    + "You will no longer see each other online.");
            key(KeyEvent.VK_ENTER);
            await("removed", 10, () -> Rows.of(list2).isEmpty());
            assertThat(alice.announced()).contains("Bob Builder removed from your contacts");
            key(KeyEvent.VK_ESCAPE);
            await("closed", 5, () -> !again.target().isShowing());
        } finally {
            bob.close();
        }
    }

    private static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }

    private void key(int code, int... modifiers) {
        robot.pressAndReleaseKey(code, modifiers);
        robot.waitForIdle();
    }
}
